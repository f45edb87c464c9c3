#!/usr/bin/env node
// PLACEHOLDER: the real CLI comes next.
console.log('dateline');
