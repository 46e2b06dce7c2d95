import fs from "node:fs";
import { nextTokenDistribution, parseMiniModel } from "../app/playground/mini-model";
const model = parseMiniModel(fs.readFileSync(process.argv[2] ?? "build/mini-model.json", "utf8"));
const prompts = ["After school, I like to play", "The cat sat on the", "The capital of France is", "I finished my homework before", "A language model predicts the next", "放学以后，我喜欢", "写完作业以后，我要去", "小猫趴在", "语言模型会预测下一个", "放學以後，我喜歡", "小貓趴在"];
for (const p of prompts) {
  const d = nextTokenDistribution(model, p, { topK: 40 }).slice(0, 6);
  let text = p; const out: string[] = [];
  for (let i = 0; i < 6; i++) { const n = nextTokenDistribution(model, text, { topK: 40 })[0]; if (!n || n.end) break; out.push(n.piece); text += n.piece; }
  console.log(JSON.stringify(p), d.map((c) => `${JSON.stringify(c.piece)}:${c.p.toFixed(2)}`).join(" "), "| greedy:", JSON.stringify(out.join("")));
}
