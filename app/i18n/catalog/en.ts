/** English interface strings. Every key must exist in every locale (a test checks). */
export const en = {
  "app.name": "Lantern",
  "app.tagline": "Learn how AI language models really work — by trying them.",
  "nav.skip": "Skip to main content",
  "nav.home": "Home",
  "nav.learn": "Learn",
  "nav.playground": "Playground",
  "nav.teach": "Teach",
  "nav.admin": "Admin",
  "nav.account": "Account",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "nav.main": "Main",

  "home.title": "Lantern — an AI-literacy classroom",
  "home.lead":
    "Seven hands-on lessons on how large language models such as Claude work: tokens and next-token prediction, learning from feedback, long context, honesty and uncertainty, prompting and responsible use.",
  "home.startReading": "Start the course",
  "home.join": "Join a class",
  "home.teacher": "I'm a teacher",
  "home.course": "The course",
  "home.minutes": "{n} min",
  "home.forTeachers": "For teachers",
  "home.forTeachersText":
    "Create a class, add students without email addresses, assign lessons and follow progress live. Lantern runs on one small school server; your students' data stays with you.",

  "error.title": "Something went wrong",
  "error.body": "Sorry — this page could not be shown. Please try again in a moment.",
  "error.notFound.title": "Page not found",
  "error.notFound.body": "We couldn't find that page. It may have moved, or you may not have access to it.",
  "error.forbidden.title": "Not allowed",
  "error.forbidden.body": "You don't have access to this page.",
  "error.badRequest.title": "That request didn't work",
  "error.badRequest.body": "Something in the request was not right. Go back and try again.",
  "error.crossSite": "This form was sent from another website, so it was refused.",
  "error.backHome": "Back to the home page",

  "form.fixErrors": "Please fix the highlighted fields.",
  "form.required": "Please fill this in.",
  "form.tooLong": "This is too long (at most {max} characters).",
  "form.invalid": "This value is not valid.",
  "form.save": "Save",
  "form.saved": "Saved.",
  "form.cancel": "Cancel",
} as const;

export type MessageKey = keyof typeof en;
