import type { FastifyReply } from 'fastify';

/** The types of the files Baken hands out. */
export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Sends a generated file as a download with its name; never cached (it holds a bestuur's data). */
export function sendDownload(
  reply: FastifyReply,
  kind: keyof typeof FILE_TYPES,
  file: { fileName: string; body: Buffer },
) {
  return reply
    .type(FILE_TYPES[kind])
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
