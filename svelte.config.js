import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Inline page CSS into the HTML: no render-blocking stylesheet request before first paint.
    inlineStyleThreshold: 64 * 1024,
    // Pages must read without JavaScript; CSP-friendly inline styles are allowed.
    csrf: { trustedOrigins: [] }
  }
};

export default config;
