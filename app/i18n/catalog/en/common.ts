/** Shared interface strings: navigation, the home page, the outage page, forms. */
export const common = {
  "app.name": "Lantern",
  "app.tagline": "Learn how AI language models really work — by trying them.",
  // a note beside a name or a label: "Ada (ada.l)", "Flagged conversations (3)"
  "common.inParentheses": " ({text})",
  "nav.skip": "Skip to main content",
  "nav.home": "Home",
  "nav.learn": "Learn",
  "nav.playground": "Playground",
  "nav.teach": "Teach",
  "nav.admin": "Admin",
  "nav.help": "Help",
  "nav.account": "Account",
  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "nav.main": "Main",
  "nav.menu": "Menu",

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

  "outage.title": "Back in a moment",
  "outage.body": "Lantern can't reach its database right now. Your saved work is safe. This page will try again by itself in a few seconds.",
  "outage.retry": "Try again now",

  "form.fixErrors": "Please fix the highlighted fields.",
  "form.required": "Please fill this in.",
  "form.tooLong": "This is too long (at most {max} characters).",
  "form.invalid": "This value is not valid.",
  "form.save": "Save",
  "form.saved": "Saved.",
  "form.cancel": "Cancel",
} as const;
