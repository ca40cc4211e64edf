#!/usr/bin/env node
process.stdout.write('tip-extract: not built yet\n');
