import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StorageConfig } from '../config/artwork-env.ts';

/** What the browser needs to POST one file: the form's URL and its hidden fields (the file goes last). */
export interface PresignedUpload {
  url: string;
  fields: Record<string, string>;
}

export interface UploadTerms {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresSeconds: number;
}

/**
 * The portal's one bucket, through the AWS SDK. Two clients: the server's (its endpoint may be an
 * internal name) and the one that signs URLs for browsers (the public endpoint, when set).
 */
export class ObjectStorage {
  readonly bucket: string;
  private readonly client: S3Client;
  private readonly signer: S3Client;

  constructor(config: StorageConfig) {
    this.bucket = config.bucket;
    this.client = makeClient(config, config.endpoint);
    this.signer = config.publicEndpoint === undefined ? this.client : makeClient(config, config.publicEndpoint);
  }

  /** A POST policy pinning the key and content type and capping the size (S3 enforces it; stand-ins may not). */
  presignUpload(terms: UploadTerms): Promise<PresignedUpload> {
    return createPresignedPost(this.signer, {
      Bucket: this.bucket,
      Key: terms.key,
      Conditions: [
        ['content-length-range', 1, terms.maxBytes],
        ['eq', '$Content-Type', terms.contentType],
      ],
      Fields: { 'Content-Type': terms.contentType },
      Expires: terms.expiresSeconds,
    });
  }

  /** A short-lived GET that makes the browser save the file under `downloadName`. */
  presignDownload(key: string, downloadName: string, expiresSeconds: number, disposition: 'attachment' | 'inline' = 'attachment'): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(disposition, downloadName),
    });
    return getSignedUrl(this.signer, command, { expiresIn: expiresSeconds });
  }

  /** The stored object's size, or null when there is none. */
  async size(key: string): Promise<number | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return object.Body as Readable;
  }

  async write(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
  }

  async remove(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** S3 has no rename: copy, then delete the original. */
  async move(from: string, to: string): Promise<void> {
    await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: to, CopySource: `${this.bucket}/${encodeURIComponent(from).replace(/%2F/g, '/')}` }));
    await this.remove(from);
  }
}

function makeClient(config: StorageConfig, endpoint: string | undefined): S3Client {
  return new S3Client({
    region: config.region,
    ...(endpoint === undefined ? {} : { endpoint }),
    forcePathStyle: config.forcePathStyle,
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
    // Current SDKs add CRC32 checksums to every request by default, which presigned requests cannot
    // carry and S3-compatible servers (MinIO, s3rver) may reject; only send them when S3 requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isMissing(error: unknown): boolean {
  return error instanceof NotFound || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404);
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 original, so no header injection and no mojibake. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string): string {
  const safe = sanitiseFileName(fileName);
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}

/** Drops control characters, path separators and quotes; keeps letters of any script. */
export function sanitiseFileName(fileName: string): string {
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f/\\"]/g, '_').trim();
  return cleaned === '' ? 'artwork' : cleaned.slice(0, 255);
}
