/** Requests refused for their size or their rate (server/body-limit.ts, app/utils/widget-budget.server.ts). */
export const limits = {
  "limit.tooLarge.title": "That was too much to send",
  "limit.tooLarge.body": "What you sent is bigger than Lantern accepts ({max}). Go back, send something shorter or a smaller file, and try again.",
  "limit.tooMany.body": {
    one: "That was a lot of requests in a short time. Wait {count} second, then try again.",
    other: "That was a lot of requests in a short time. Wait {count} seconds, then try again.",
  },
  "limit.busy.title": "Lantern is busy",
  "limit.busy.body": "Lantern is receiving a lot at this moment. Wait {seconds} seconds, then send this again.",
  "limit.tooManyParts.body": "That was too many files or fields in one go (at most {max}). Go back, send fewer files at a time, and try again.",
  "limit.goBack": "Go back",
} as const;
