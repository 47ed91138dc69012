// The session cookie: HttpOnly, SameSite=Lax, Path=/, lives as long as the session; Secure when
// configured or when the request came over HTTPS (directly, or per X-Forwarded-Proto from a trusted proxy).
import type { FastifyReply } from 'fastify';
// Brings @fastify/cookie's request/reply typings into programs that import the router type only (apps/web).
import type {} from '@fastify/cookie';
import type { ApiConfig } from '../env.ts';

const baseOptions = (config: ApiConfig, reply: FastifyReply) =>
  ({
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.cookieSecure || reply.request.protocol === 'https',
  }) as const;

export const setSessionCookie = ({
  reply,
  config,
  token,
  expiresAt,
}: {
  reply: FastifyReply;
  config: ApiConfig;
  token: string;
  expiresAt: Date;
}) => {
  const maxAge = Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
  reply.setCookie(config.sessionCookieName, token, { ...baseOptions(config, reply), maxAge });
};

export const clearSessionCookie = ({
  reply,
  config,
}: {
  reply: FastifyReply;
  config: ApiConfig;
}) => {
  reply.clearCookie(config.sessionCookieName, baseOptions(config, reply));
};
