// Times one linearity family at one size in this process and prints the mean
// milliseconds: run by scaling-benchmarks.ts, one process per measurement.
import { measure } from "./report.js";
import { families } from "./scaling-benchmarks.js";

const [index, size] = process.argv.slice(2).map(Number) as [number, number];
const times = await measure({ run: families[index]!.prepare(size) }, { iterations: 5, time: 500 });
process.stdout.write(JSON.stringify({ ms: times.run }));
