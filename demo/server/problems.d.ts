// Types of problems.js for the TypeScript tests (the RFC 9457 answers of the receiver).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { code: string; message: string }[];
  [extra: string]: unknown;
}
export declare const PROBLEM_TYPE_PREFIX: string;
export declare function requestLang(request: FastifyRequest): 'vi' | 'en';
export declare function problem(
  slug: string,
  lang: 'vi' | 'en',
  more?: {
    params?: Record<string, string>;
    errors?: { code: string; message: string }[];
    extra?: Record<string, unknown>;
  },
): ProblemBody;
export declare function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  more?: Parameters<typeof problem>[2],
): FastifyReply;
export declare function frameworkProblem(
  error: Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply;
export declare function clientErrorProblem(err: Error & { code?: string }, socket: Socket): void;
