import { postJson, type UploadTicket } from '../artwork/upload-file.ts';

/** Staff: a presigned POST for a proof file of one order line (then `sendToStorage`, as for artwork). */
export function requestProofTicket(file: File, orderLineId: string): Promise<UploadTicket> {
  return postJson('/staff/proofs/upload', { orderLineId, fileName: file.name, fileSize: file.size, fileType: file.type });
}

export function confirmProofUpload(fileId: string): Promise<{ status: string; rejectionReason: string | null }> {
  return postJson(`/staff/proofs/files/${fileId}/confirm`, {});
}
