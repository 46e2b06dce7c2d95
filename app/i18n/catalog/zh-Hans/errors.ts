import type { CatalogOf } from "../../translate";
import type { errors as en } from "../en/errors";

export const errors: CatalogOf<typeof en> = {
  "error.title": "出了点问题",
  "error.body": "抱歉，这个页面暂时无法显示。请稍后再试。",
  "error.notFound.title": "找不到页面",
  "error.notFound.body": "没有找到这个页面。它可能已经移动，或者你没有访问权限。",
  "error.forbidden.title": "无权访问",
  "error.forbidden.body": "你没有访问这个页面的权限。",
  "error.badRequest.title": "请求没有成功",
  "error.badRequest.body": "请求里有些内容不对。请返回后再试一次。",
  "error.crossSite": "这个表单是从其他网站提交的，已被拒绝。",
  "error.backHome": "返回首页",
};
