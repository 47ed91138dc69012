// Postgres access for users.
import type { PrismaClient } from '@tessera/db/client';
import { publicUserSelect } from './session.repository.ts';

export const findUserCredentialsByEmail = ({
  prisma,
  email,
}: {
  prisma: PrismaClient;
  email: string;
}) =>
  prisma.user.findUnique({ where: { email }, select: { ...publicUserSelect, passwordHash: true } });

export const userExistsWithEmail = async ({
  prisma,
  email,
}: {
  prisma: PrismaClient;
  email: string;
}) => (await prisma.user.count({ where: { email } })) > 0;

export interface InsertUserOptions {
  prisma: PrismaClient;
  email: string;
  name: string;
  passwordHash: string;
}

export const insertUser = ({ prisma, ...data }: InsertUserOptions) =>
  prisma.user.create({ data, select: publicUserSelect });
