// Types of storage/s3-config.js for the TypeScript tests.
export interface S3Config {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}
export declare function loadS3Config(env: Record<string, string | undefined>): S3Config | undefined;
