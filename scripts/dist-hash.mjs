// What the post-build scripts (page.mjs, csp.mjs, split.mjs) share: how a file in dist/ is
// named after its content and how the page checks it, and how they read a path argument.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

const digest = (algo, data) => createHash(algo).update(data).digest();

/** The 16 hex digits of a content-hashed file name (`style-HASH.css`). */
export const short = (data) => digest('sha256', data).toString('hex').slice(0, 16);

/** The `integrity` attribute of a <script> or <link> loading `data`. */
export const integrity = (data) => `sha384-${digest('sha384', data).toString('base64')}`;

/** The absolute path given after `name` on the command line, else `fallback`. */
export const pathArg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return resolve(i > 0 ? process.argv[i + 1] : fallback);
};
