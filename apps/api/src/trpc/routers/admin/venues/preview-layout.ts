// admin.venues.preview: the seats a document generates and its problems, saving nothing. A
// mutation only so the document travels in a POST body (a large one would not fit in a URL).
import { checkLayout } from '@tessera/core/layouts/validate-layout';
import { adminProcedure } from '../../../procedures.ts';
import { ZPreviewLayoutRequest, ZPreviewLayoutResponse } from './venues.types.ts';

export const adminPreviewLayoutProcedure = adminProcedure
  .input(ZPreviewLayoutRequest)
  .output(ZPreviewLayoutResponse)
  .mutation(({ input }) => {
    const { layout, issues, ok } = checkLayout(input.document);
    return { seats: layout.seats, issues, ok };
  });
