import { HttpResponse, type HttpHandler } from 'msw';
import { createKey, findKey, keyAttributesDto } from '../keys';
import { createKeySchema, keyLabelSchema } from '../schemas';
import type { Simulator } from '../state';
import { endpoint, readBody } from './route';

export function keyHandlers(sim: Simulator): HttpHandler[] {
  return [
    endpoint(sim, 'get', '/v1/key', () => HttpResponse.json([...sim.keys.keys()])),

    endpoint(sim, 'post', '/v1/key', async (request) => {
      const key = await createKey(sim, await readBody(request, createKeySchema));
      return HttpResponse.json(keyAttributesDto(sim, key), { status: 201 });
    }),

    endpoint(sim, 'post', '/v1/key/attributes', async (request) => {
      const { label } = await readBody(request, keyLabelSchema);
      return HttpResponse.json(keyAttributesDto(sim, findKey(sim, label)));
    }),
  ];
}
