// Types of scripts/s3-server.mjs for the TypeScript tests.
export interface S3Server {
  endpoint: string;
  env: Record<
    | 'S3_ENDPOINT'
    | 'S3_BUCKET'
    | 'S3_REGION'
    | 'S3_ACCESS_KEY_ID'
    | 'S3_SECRET_ACCESS_KEY'
    | 'S3_FORCE_PATH_STYLE',
    string
  >;
  close(): Promise<void>;
}
export declare function startS3Server(options: {
  dir: string;
  bucket?: string;
  port?: number;
  accessKeyId?: string;
  secretAccessKey?: string;
  region?: string;
}): Promise<S3Server>;
export declare function spawnS3Server(
  dir: string,
): Promise<{ env: Record<string, string>; pid: number | undefined; stop(): void }>;
