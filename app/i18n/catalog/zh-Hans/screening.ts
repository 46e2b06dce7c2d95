import type { CatalogOf } from "../../translate";
import type { screening as en } from "../en/screening";

/** 练习场拦下消息时学生看到的说明。中文只有一种复数形式（other），措辞要对一个或几个都通顺。 */
export const screening: CatalogOf<typeof en> = {
  "playground.screen.kind.email": "电子邮箱地址",
  "playground.screen.kind.phone": "电话号码",
  "playground.screen.kind.cn_mobile": "手机号码",
  "playground.screen.kind.cn_resident_id": "身份证号码",
  "playground.screen.kind.id_number": "证件号码",
  "playground.screen.kind.street_address": "家庭住址",
  "playground.screen.kind.account": "聊天或社交软件的账号",
  "playground.screen.kind.school_class": "你的学校名称和班级",
  "playground.screen.kind.password": "密码",

  "playground.screen.found.prompt": "这条消息没有发出去：里面好像有{what}。",
  "playground.screen.found.split": "这条消息没有发出去：它和你前面发的消息连起来，好像是{what}——分成几条消息发，也一样会被发现。",
  "playground.screen.found.system": "这条消息没有发出去：你自己写的系统提示词里好像有{what}。",
  "playground.screen.found.history": "这条消息没有发出去：这段对话前面的一条消息里好像有{what}，而每次发消息时，整段对话都会一起发给 AI。",
  "playground.screen.found.context": "这条消息没有发出去：你的系统提示词或这段对话前面的消息里好像有{what}，而它们每次都会和消息一起发给 AI。",
  "playground.screen.advice": "不要把电话号码、住址、证件号码、密码或你的学校和班级告诉 AI——你输入的内容可能会被保存下来、以后被人看到，而且 AI 不需要这些信息也能帮你。",
  "playground.screen.act.prompt": { other: "把这部分内容删掉，再试一次吧。" },
  "playground.screen.act.split": "这条消息里不要再写这部分内容，再试一次吧。",
  "playground.screen.act.system": { other: "把这部分内容从系统提示词里删掉，再试一次吧。" },
  "playground.screen.act.history": { other: "开一个新的对话，不要再写这部分内容。" },
  "playground.screen.act.context": { other: "把这部分内容从系统提示词里删掉，或者开一个新的对话。" },

  "playground.screen.topics": { other: "老师在这个班的练习场里关闭了{topics}话题。换个问题试试吧。" },
  "playground.screen.topic": "“{topic}”",
  "playground.screen.topicIn.system": "它在你自己写的系统提示词里，请把它从那里删掉。",
  "playground.screen.topicIn.history": "它出现在这段对话前面的消息里，而整段对话每次都会发给 AI，请开一个新的对话。",
};
