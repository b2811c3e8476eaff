// Runs the README's TypeScript snippet (verify.ts) on a delivery a Go test captured:
//   node run-verify.mjs <body file> <Mediagraph-Signature> <secret>   → prints valid or invalid
import { readFileSync } from "node:fs";
import ts from "typescript";

const source = readFileSync(new URL("./verify.ts", import.meta.url), "utf8");
const js = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, strict: true },
}).outputText;
const { verifyMediagraph } = await import("data:text/javascript," + encodeURIComponent(js));
const [bodyFile, header, secret] = process.argv.slice(2);
console.log(verifyMediagraph(readFileSync(bodyFile, "utf8"), header, secret) ? "valid" : "invalid");
