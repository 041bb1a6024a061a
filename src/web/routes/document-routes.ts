// Scan pages for the review page's viewer, rendered from the stored document bytes.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { AppContext } from '../build-app.ts';
import { renderPage } from '../scan/render-page.ts';

const Params = z.object({ id: z.uuid(), page: z.coerce.number().int().min(1).max(1000) });

export function documentRoutes({ deps }: AppContext) {
  return async (app: FastifyInstance) => {
    app.get('/documents/:id/pages/:page', async (request, reply) => {
      const { id, page } = Params.parse(request.params);
      const file = await deps.documents.getDocumentFile(id);
      if (!file) throw new AppError('not_found', 'No such document.');
      const image = await renderPage(file, page);
      if (!image) throw new AppError('not_found', `Page ${page} of this document cannot be shown.`);
      // Private: a scan carries personal data; let the browser keep it for this session only.
      reply.type(image.contentType).header('Cache-Control', 'private, max-age=600');
      return image.bytes;
    });
  };
}
