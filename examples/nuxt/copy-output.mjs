// nuxt generate writes the site to .output/public; the samples test serves every sample from dist/.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
cpSync('.output/public', 'dist', { recursive: true });
