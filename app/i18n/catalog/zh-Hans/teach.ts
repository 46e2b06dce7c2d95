import type { teach as en } from "../en/teach";

export const teach: Record<keyof typeof en, string> = {
  "teach.title": "你的班级",
  "teach.allClasses": "← 全部班级",
  "teach.archived": "已归档",
  "teach.joinCode": "加入码",
  "teach.joinOff": "已关闭用加入码加入班级",
  "teach.classSections": "班级栏目",
  "teach.tab.progress": "学习进度",
  "teach.tab.quiz": "测验分析",
  "teach.tab.assignments": "作业布置",
  "teach.tab.playground": "练习场",
  "teach.tab.roster": "学生",
  "teach.tab.settings": "设置",
};
