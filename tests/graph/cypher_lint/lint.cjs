// Check Cypher statements with Neo4j's own Cypher 5 parser and semantic
// analysis (@neo4j-cypher/language-support, the code Neo4j's editors use), so
// the Neo4j-only code paths of the store are checked on machines where no
// Neo4j server can run.
//
// stdin:  JSON list of {"cypher": "...", "parameters": {name: sample value}}
// stdout: JSON list of {"cypher": "...", "errors": [...], "warnings": [...]}
"use strict";

const { lintCypherQuery } = require("@neo4j-cypher/language-support");

const ERROR = 1;
const WARNING = 2;

function main() {
  const chunks = [];
  process.stdin.on("data", (c) => chunks.push(c));
  process.stdin.on("end", () => {
    const statements = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const out = statements.map(({ cypher, parameters }) => {
      const result = lintCypherQuery(cypher, { parameters: parameters || {}, defaultLanguage: "CYPHER 5" });
      const diagnostics = Array.isArray(result) ? result : result.diagnostics || [];
      return {
        cypher,
        errors: diagnostics.filter((d) => d.severity === ERROR).map((d) => d.message),
        warnings: diagnostics.filter((d) => d.severity === WARNING).map((d) => d.message),
      };
    });
    process.stdout.write(JSON.stringify(out));
  });
}

main();
