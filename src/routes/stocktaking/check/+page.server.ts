// A facilitator uploads a stocktaking file (field `file`) and gets the check report back on
// the same page. Nothing is stored: the bytes are checked in memory and dropped. Every bad
// upload (no file, too large, unreadable body) gets a message, never a server error.
import { fail } from '@sveltejs/kit';
import { checkFile, MAX_UPLOAD_BYTES } from '../../../../pipelines/sources/stocktaking/check-file';
import { TEMPLATE, templateReferences } from '$lib/server/stocktaking-template';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/** Room for the multipart envelope around the file. */
const ENVELOPE_BYTES = 16 * 1024;
/** In the request's language (the action runs inside it). */
const tooLarge = () => m.chk_upload_too_large({ limit: MAX_UPLOAD_BYTES / 1024 });

export const load: PageServerLoad = async () => ({
  maxBytes: MAX_UPLOAD_BYTES,
  fields: TEMPLATE.fields.map((f) => ({ name: f.name, required: Boolean(f.constraints?.required), allowed: f.constraints?.enum ?? null }))
});

export const actions: Actions = {
  default: async ({ request }) => {
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_UPLOAD_BYTES + ENVELOPE_BYTES) return fail(413, { message: tooLarge() });
    let form: FormData;
    try {
      form = await request.formData();
    } catch (err) {
      const status = (err as { status?: number }).status === 413 ? 413 : 400;
      return fail(status, { message: status === 413 ? tooLarge() : m.chk_upload_unreadable() });
    }
    const file = form.get('file');
    if (!(file instanceof File) || (file.name === '' && file.size === 0)) return fail(400, { message: m.chk_upload_choose() });
    if (file.size > MAX_UPLOAD_BYTES) return fail(413, { message: tooLarge() });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const refs = await templateReferences();
    const report = checkFile(file.name || 'upload', bytes, TEMPLATE, refs, { maxBytes: MAX_UPLOAD_BYTES });
    return { report };
  }
};
