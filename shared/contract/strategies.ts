import { z } from 'zod';
import { archiveToggleSchema } from '../schemas/common.js';
import { strategyInputSchema, strategyListQuerySchema, strategySchema, strategyUpdateSchema } from '../schemas/strategies.js';
import { created, notAudited, updated, scoped, type Methods } from './facts.js';

const write = { effect: 'write', async: false, permission: 'strategies:write' } as const;

export const strategiesContract = {
  /**
   * The shared library, with a setting's own when one is named. Not scoped by a fact: the shared
   * library is for everyone who reads targets, so a null setting is not "every setting"; the
   * handler checks a named setting is within the caller's reach.
   */
  'strategies.list': {
    effect: 'read',
    async: false,
    audit: notAudited,
    permission: 'targets:read',
    input: strategyListQuerySchema,
    output: z.array(strategySchema),
  },
  /** No setting makes a shared strategy: only people who reach every setting may (the scope says so). */
  'strategies.create': { ...write, ...scoped('setting', 'settingId'), audit: created('strategies'), input: strategyInputSchema, output: strategySchema },
  'strategies.update': { ...write, ...scoped('strategy', 'id'), audit: updated('strategies'), input: strategyUpdateSchema, output: strategySchema },
  'strategies.archive': { ...write, ...scoped('strategy', 'id'), audit: updated('strategies'), input: archiveToggleSchema, output: strategySchema },
} as const satisfies Methods;
