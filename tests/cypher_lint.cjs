// Reads {name: cypher} JSON on stdin; prints {name: [syntax errors]} using Neo4j's own parser.
// Parameters are supplied at run time, so "Parameter $x is not defined" is not an error here.
const { lintCypherQuery } = require('@neo4j-cypher/language-support');  // found through NODE_PATH

let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const queries = JSON.parse(input);
  const out = {};
  for (const [name, text] of Object.entries(queries)) {
    const { diagnostics } = lintCypherQuery(text, {});
    out[name] = diagnostics
      .filter((d) => d.severity === 1 && !/^Parameter \$\w+ is not defined/.test(d.message))
      .map((d) => `${d.message} at ${d.offsets.start}`);
  }
  process.stdout.write(JSON.stringify(out));
});
