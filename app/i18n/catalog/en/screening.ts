/**
 * What a student reads when the playground holds a message back (app/playground/
 * explain-screening.server.ts): what was found, where, and what to do. The data itself is never
 * repeated back. A plural entry is chosen by how many things were found.
 */
export const screening = {
  "playground.screen.kind.email": "an e-mail address",
  "playground.screen.kind.phone": "a phone number",
  "playground.screen.kind.cn_mobile": "a mobile phone number",
  "playground.screen.kind.cn_resident_id": "a resident ID card number",
  "playground.screen.kind.id_number": "an ID number",
  "playground.screen.kind.street_address": "a home address",
  "playground.screen.kind.account": "an account name on a chat or social app",
  "playground.screen.kind.school_class": "your school's name with your class",
  "playground.screen.kind.password": "a password",

  "playground.screen.found.prompt": "Your message was not sent: it contains what looks like {what}.",
  "playground.screen.found.split":
    "Your message was not sent: together with your earlier messages it makes what looks like {what} — splitting it across messages does not hide it.",
  "playground.screen.found.system": "Your message was not sent: your own system prompt contains what looks like {what}.",
  "playground.screen.found.history":
    "Your message was not sent: an earlier message in this conversation contains what looks like {what}, and the whole conversation goes to the AI with every message.",
  "playground.screen.found.context":
    "Your message was not sent: your system prompt or an earlier message in this conversation contains what looks like {what}, and they go to the AI with every message.",
  "playground.screen.advice":
    "Never share phone numbers, addresses, ID numbers, passwords or your school and class with an AI — what you type can be stored and read later, and the AI does not need it to help you.",
  "playground.screen.act.prompt": { one: "Remove it and try again.", other: "Remove them and try again." },
  "playground.screen.act.split": "Leave that part out of this message and try again.",
  "playground.screen.act.system": {
    one: "Remove it from your system prompt and try again.",
    other: "Remove them from your system prompt and try again.",
  },
  "playground.screen.act.history": {
    one: "Start a new conversation and leave it out.",
    other: "Start a new conversation and leave them out.",
  },
  "playground.screen.act.context": {
    one: "Remove it from your system prompt, or start a new conversation.",
    other: "Remove them from your system prompt, or start a new conversation.",
  },

  "playground.screen.topics": {
    one: "Your teacher has switched off the topic {topics} in this class's playground. Try asking about something else.",
    other: "Your teacher has switched off the topics {topics} in this class's playground. Try asking about something else.",
  },
  "playground.screen.topic": "“{topic}”",
  "playground.screen.topicIn.system": "It is in your own system prompt: remove it from there.",
  "playground.screen.topicIn.history":
    "It is in an earlier message of this conversation, which goes to the AI with every message: start a new conversation.",
} as const;
