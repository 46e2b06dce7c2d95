import type { CatalogOf } from "../../translate";
import type { common as en } from "../en/common";

export const common: CatalogOf<typeof en> = {
  "app.name": "Lantern",
  "app.tagline": "动手试一试，弄懂人工智能语言模型到底是怎么工作的。",
  "common.inParentheses": "（{text}）",
  "nav.skip": "跳到主要内容",
  "nav.home": "首页",
  "nav.learn": "学习",
  "nav.playground": "练习场",
  "nav.teach": "教学",
  "nav.admin": "管理",
  "nav.help": "帮助",
  "nav.account": "账户",
  "nav.signIn": "登录",
  "nav.signOut": "退出登录",
  "nav.language": "语言",
  "nav.main": "主导航",
  "nav.menu": "菜单",

  "home.title": "Lantern——人工智能素养课堂",
  "home.lead":
    "七节动手实践课，带你弄懂 Claude 这样的大语言模型是怎么工作的：词元与预测下一个词元、从反馈中学习、长上下文、诚实与不确定性、写好提示词，以及负责任地使用人工智能。",
  "home.startReading": "开始学习",
  "home.join": "加入班级",
  "home.teacher": "我是老师",
  "home.course": "课程",
  "home.minutes": "{n} 分钟",
  "home.forTeachers": "给老师",
  "home.forTeachersText":
    "创建班级，不用邮箱就能添加学生，布置课程，实时查看学习进度。Lantern 在学校的一台小服务器上就能运行，学生的数据留在你们自己手里。",

  "outage.title": "马上回来",
  "outage.body": "Lantern 暂时连不上数据库。你已经保存的内容都很安全，这个页面几秒钟后会自动重试。",
  "outage.retry": "立即重试",

  "form.fixErrors": "请修改标出的内容。",
  "form.required": "请填写这一项。",
  "form.tooLong": "内容太长了（最多 {max} 个字符）。",
  "form.invalid": "这个值无效。",
  "form.save": "保存",
  "form.saved": "已保存。",
  "form.cancel": "取消",
};
