// node-fpgrowth on the baskets of bench/crosssell_compare.sh: one basket per line, product ids
// separated by commas (each id once per basket). Prints the frequent pairs as "a,b,count"
// (a < b) and, on stderr, the mining time without the file reading.
//   node crosssell_fpgrowth.js MODULE_DIR BASKETS MIN_COUNT > pairs.csv
'use strict';
const path = require('path');
const fs = require('fs');
const readline = require('readline');

const [moduleDir, basketsFile, minCountText] = process.argv.slice(2);
const { FPGrowth } = require(path.join(moduleDir, 'node_modules', 'node-fpgrowth'));
const minCount = Number(minCountText);

async function main() {
    const transactions = [];
    const lines = readline.createInterface({ input: fs.createReadStream(basketsFile) });
    for await (const line of lines) {
        if (line.length > 0)
            transactions.push(line.split(',').map(Number));
    }
    // node-fpgrowth takes a share and keeps itemsets with count >= ceil(share * baskets):
    // half an order below the count keeps the ceiling exactly at minCount.
    const share = (minCount - 0.5) / transactions.length;
    const started = process.hrtime.bigint();
    const itemsets = await new FPGrowth(share).exec(transactions);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const out = [];
    for (const itemset of itemsets) {
        if (itemset.items.length !== 2)
            continue;
        const [a, b] = itemset.items[0] < itemset.items[1] ? itemset.items
                                                            : [itemset.items[1], itemset.items[0]];
        out.push(`${a},${b},${itemset.support}`);
    }
    process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
    process.stderr.write(`baskets ${transactions.length} itemsets ${itemsets.length} ` +
                         `pairs ${out.length} mining_s ${seconds.toFixed(2)}\n`);
}
main();
