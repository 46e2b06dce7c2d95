/**
 * The error pages' words. A module of their own because the browser bundle imports it directly:
 * an error page drawn when the root loader failed has no catalog asset to read (app/i18n/use-t.tsx).
 */
export const errors = {
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
} as const;
