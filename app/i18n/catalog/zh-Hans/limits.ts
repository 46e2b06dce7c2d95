/** 因为大小或频率而被拒绝的请求（server/body-limit.ts、app/utils/widget-budget.server.ts）。 */
export const limits = {
  "limit.tooLarge.title": "发送的内容太多了",
  "limit.tooLarge.body": "你发送的内容超过了 Lantern 能接收的大小（{max}）。请返回，发送短一些的内容或小一些的文件，再试一次。",
  "limit.tooMany.body": { other: "短时间内发来的请求太多了。请等 {count} 秒后再试。" },
  "limit.busy.title": "Lantern 正忙",
  "limit.busy.body": "Lantern 现在同时收到了很多内容。请等 {seconds} 秒后再试一次。",
  "limit.tooManyParts.body": "一次发送的文件或内容项太多了（最多 {max} 项）。请返回，每次少发几个文件，再试一次。",
  "limit.goBack": "返回",
} as const;
