/** The playground (/playground) and its class policy form (/teach/classes/:id/playground). */
export const playground = {
  "playground.title": "Playground",
  "playground.metaTitle": "Playground — Lantern",
  "playground.lead": "Try what the lessons teach: send a prompt and watch the answer arrive token by token.",
  "playground.banner.student":
    "Your teacher can read your chats. Never type personal information such as your phone number, home address, ID numbers or passwords.",
  "playground.banner.staff":
    "Your students see a note that their teacher can read their chats. Your own chats here are not charged to any class.",
  "playground.noKey.staff":
    "No model is connected yet, so everyone uses the offline mini model. Your school's Lantern admin can connect one under Admin → Models: Claude, a model server on the school's network (for example Ollama running Qwen) or another provider.",
  "playground.noKey.admin":
    "No model is connected yet, so everyone uses the offline mini model. You can connect Claude, a model server on the school's network (for example Ollama running Qwen) or another provider.",
  "playground.noKey.adminLink": "Add a connection in Admin → Models",
  "playground.noKey.student":
    "The playground is using the offline mini model right now. It is far smaller than Claude, so expect odd answers — that is part of the lesson.",

  "playground.model.label": "Model",
  "playground.model.mini": "Mini model (offline) — not Claude",
  "playground.model.hint": "Only the models your class allows are listed.",

  "playground.chats": "Your chats",
  "playground.newChat": "New chat",
  "playground.noChats": "No chats yet.",
  "playground.untitled": "New chat",
  "playground.empty": "Ask something to start. Each reply shows how many tokens it used.",
  "playground.you": "You",
  "playground.prompt.label": "Your prompt",
  "playground.prompt.hint": "Ctrl+Enter sends.",
  "playground.send": "Send",
  "playground.stop": "Stop",
  "playground.regenerate": "Regenerate",
  "playground.regenerate.hint": "Asks the same prompt again, so you can see how sampling changes the answer.",
  "playground.writing": "Writing…",
  "playground.reply.image": "Picture, not shown: {description}",
  "playground.reply.withheld": "Lantern stopped this reply and took it off your screen: the model started to say something that could hurt you. That is the model's mistake, not yours. Your teacher has been told. If anything it said upset you, talk to an adult you trust.",
  "playground.reply.table": "Table in the reply",
  "playground.reply.taskDone": "Done",
  "playground.reply.taskOpen": "Not done",
  "playground.noJsNote": "The answer appears when it is complete.",

  "playground.explore.title": "Explore settings",
  "playground.explore.system": "System prompt",
  "playground.explore.systemHint":
    "Instructions the model reads before your prompt. The school's safety rules always come first; your instructions follow them, marked as yours, and can't change them. Personal data is not allowed here either.",
  "playground.explore.temperature": "Temperature",
  "playground.explore.temperatureHint": "0 picks the most likely token every time; 1 gives more varied answers.",
  "playground.explore.maxTokens": "Max tokens",
  "playground.explore.maxTokensHint": "The longest reply, in tokens (1 to {max}).",
  "playground.guided": "Guided mode: your teacher has fixed the system prompt, temperature and reply length.",
  "playground.fixedSystem": "This lesson sets the system prompt:",

  "playground.meter.label": "Context window",
  "playground.meter.value": "{used} of {max} tokens",
  "playground.meter.mini":
    "The mini model starts its reply from the last word of your message that it knows from the lessons, then picks each next piece of text from only the last {n} — that is its whole context window. It never reads your message as a whole, so its replies wander.",
  "playground.tokens": "{input} tokens in · {output} out",
  "playground.tokensEstimated": "about {input} tokens in · about {output} out",
  "playground.waiting": "Waiting for the model… a school's own model server can take up to a minute to load the first time.",
  "playground.usage.today": "Today you have used {used} of your {budget} tokens.",

  "playground.stopped": "Stopped. You can change your prompt and send it again.",
  "playground.status.incomplete": "Unfinished",
  "playground.status.error": "Failed",
  "playground.status.blocked": "Not sent",
  "playground.signedOut": "You're signed out. Sign in again, then send your prompt.",
  "playground.networkError": "The connection to the server was lost. Check your network and try again.",

  // A failed model call (app/playground/error-messages.server.ts). {service} is Claude or the name
  // of the school's connection. Set-up problems say it is not the student's fault.
  "playground.error.bad_request":
    "{service} couldn't accept that request. Try rewording your prompt or starting a new chat. If it keeps happening, tell your teacher.",
  "playground.error.auth": "The playground isn't set up right: its key for {service} doesn't work. It's not your fault — please tell your teacher.",
  "playground.error.permission":
    "The playground isn't allowed to use {service} right now. It's not your fault — please tell your teacher.",
  "playground.error.not_found":
    "The playground is set to a {service} model that doesn't exist. It's not your fault — please tell your teacher.",
  "playground.error.too_large": "That's too much text for {service} in one go. Try a shorter prompt, or start a new chat.",
  "playground.error.rate_limited": "Lots of questions are going to {service} right now. Wait a minute, then try again.",
  "playground.error.server": "Something went wrong on {service}'s side. Wait a moment and try again.",
  "playground.error.overloaded": "{service} is very busy right now. Wait a minute or two, then try again.",
  "playground.error.timeout": "{service} took too long to answer. Try again — a shorter question can help.",
  "playground.error.connection":
    "The playground couldn't reach {service}. Try again in a moment. If it keeps happening, tell your teacher.",
  "playground.error.address_refused":
    "The playground isn't allowed to connect to {service}: this server's settings don't let it reach that address. It's not your fault — please tell your teacher.",
  "playground.error.stream_error":
    "{service} stopped in the middle of its answer, so what you see may be unfinished. Try asking again.",

  "playground.closedHelp": "If something is worrying you, you don't have to wait for the playground:",
  "playground.hours": "Open {hours}",
  "playground.hours.range": "{days} {from}–{to}",
  "playground.day.0": "Sun",
  "playground.day.1": "Mon",
  "playground.day.2": "Tue",
  "playground.day.3": "Wed",
  "playground.day.4": "Thu",
  "playground.day.5": "Fri",
  "playground.day.6": "Sat",

  "playground.tryit.title": "Try it: {lesson}",
  "playground.tryit.back": "Back to the lesson",
  "playground.tryit.notFound": "That “try it” prompt could not be found. The lesson may have changed.",
  "playground.tryit.check.contains": "Check: the reply contains “{value}”.",
  "playground.tryit.check.regex": "Check: the reply {says}.",
  "playground.tryit.check.words": "Check: the reply is {range} words long.",
  "playground.tryit.check.lines": "Check: the reply has {range} lines.",
  "playground.tryit.range.between": "{min} to {max}",
  "playground.tryit.range.min": "at least {min}",
  "playground.tryit.range.max": "at most {max}",
  "playground.tryit.passed": "Check passed",
  "playground.tryit.failed": "Not yet: the check did not pass",
  "playground.tryit.count": "({count} counted)",
  "playground.tryit.miniNote": "With the mini model (offline, not Claude), this try-it checks your prompt instead of the reply: the mini model only continues text and cannot follow instructions.",
  "playground.tryit.miniReplyNote": "This class has no Claude model, so the offline mini model replies. It only continues text, so judge its reply yourself: does it do what the lesson says a model would?",
  "playground.tryit.promptCheck.contains": "Check: your prompt contains “{value}”.",
  "playground.tryit.promptCheck.other": "{check} (Here it looks at your prompt.)",
  "playground.tryit.onPrompt": "(checked on your prompt)",

  "playground.refused.signed_out": "You're signed out. Sign in again, then send your prompt.",
  "playground.refused.invalid": "Something in that request wasn't right. Reload the page and try again.",
  "playground.refused.no_class": "The playground opens once you've joined a class. Ask your teacher for a join code.",
  "playground.refused.disabled": "Your teacher has switched the playground off for your class for now.",
  "playground.refused.closed":
    "The playground is closed right now: your teacher has set opening hours for it. Come back during those hours.",
  "playground.refused.model_not_allowed": "That model isn't available to you. Pick another one from the list.",
  "playground.refused.empty": "Type a prompt first.",
  "playground.refused.too_long": "That's too long: at most {max} characters.",
  "playground.refused.not_found": "That chat could not be found.",
  "playground.refused.nothing_to_regenerate": "There's no prompt to ask again yet.",
  "playground.refused.blocked": "Your message was not sent.",
  "playground.refused.rate_limited":
    "You're sending messages quickly: your class allows {n} a minute. Take a moment to read the last answer, then try again.",
  "playground.refused.busy":
    "Another answer is still being written, maybe in another tab. Wait for it to finish or stop it, then send again.",
  "playground.refused.budget_own":
    "This would go over your tokens for today. Start a new chat (long chats cost more tokens) or come back tomorrow.",
  "playground.refused.budget_class":
    "Your class has used its tokens for today. The playground opens again tomorrow.",

  "playground.policy.title": "Playground rules",
  "playground.policy.lead":
    "These rules apply to every student in this class. A student in several classes gets the strictest rules of all their classes.",
  "playground.policy.enabled": "Playground on for this class",
  "playground.policy.enabledHint": "When off, students of this class can read lessons but can't send prompts.",
  "playground.policy.models": "Models students may use",
  "playground.policy.modelsHint": "The mini model is offline and free. The others are the models the school's admin has connected: Claude with the school's API key, or the school's own model server.",
  "playground.policy.modelUnavailable": "(not available on this server right now)",
  "playground.policy.explore": "Explore mode",
  "playground.policy.exploreHint":
    "Students may write their own system prompt and change temperature and reply length. When off (guided mode) these are fixed.",
  "playground.policy.messagesPerMinute": "Messages per minute, per student",
  "playground.policy.studentDailyTokens": "Tokens per student per day",
  "playground.policy.classDailyTokens": "Tokens for the whole class per day",
  "playground.policy.tokensHint": "Every model but the mini model counts against these budgets (Claude and the school's own server alike); the mini model is free.",
  "playground.policy.usedToday": "Used today by this class: {used} of {budget} tokens.",
  "playground.policy.blockedTopics": "Blocked topics",
  "playground.policy.blockedTopicsHint":
    "One per line. A prompt that mentions one is not sent, and the student is told why. Personal data is always blocked.",
  "playground.policy.blockedTopicsLimits":
    "Blocking a topic is a speed bump, not a guarantee: it catches the words on your list also when they are spaced out, written with look-alike letters or numbers (g4mbl1ng), in full-width characters or in Traditional instead of Simplified Chinese (or the other way round), but a student can still describe a topic in other words. Keep reading the transcripts, and tell your class why a topic is off.",
  "playground.policy.schedule": "Opening hours",
  "playground.policy.scheduleOn": "Open only at set times",
  "playground.policy.scheduleHint": "Times are in the school's time zone ({zone}), set by the admin.",
  "playground.policy.days": "Days",
  "playground.policy.from": "Opens at",
  "playground.policy.to": "Closes at",
  "playground.policy.preamble": "Safety rules added to every student request",
  "playground.policy.preambleHint":
    "Lantern puts these rules first in every request a student sends, in the student's language. Students can't remove or change them.",
  "playground.policy.saved": "The playground rules are saved. They apply to the next message.",
  "playground.policy.error.models": "Choose at least one model, or switch the playground off.",
  "playground.policy.error.messagesPerMinute": "Enter a whole number from 1 to 60.",
  "playground.policy.error.studentDailyTokens": "Enter a whole number from 0 to 1,000,000.",
  "playground.policy.error.classDailyTokens": "Enter a whole number from 0 to 100,000,000.",
  "playground.policy.error.classBudget": "The class budget can't be smaller than one student's budget.",
  "playground.policy.error.time": "Use the 24-hour format, e.g. 08:30.",
  "playground.policy.error.timeOrder": "The closing time must be later than the opening time.",
  "playground.policy.error.days": "Choose at least one day.",
  "playground.policy.error.topics": "At most 50 topics, each at most 60 characters.",
} as const;
