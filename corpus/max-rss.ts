// Preloaded into a measured child (`node --import tsx --import ./corpus/max-rss.ts …`): when the process
// exits, it writes its peak resident set size in KB to $MAX_RSS_FILE. Node has no way to read a child's
// peak memory after the fact, and /usr/bin/time is not on every machine.
import { writeFileSync } from 'node:fs';

const file = process.env.MAX_RSS_FILE;
if (file) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
