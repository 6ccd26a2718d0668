import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Simulator } from '../state';
import { endpoint } from './route';

// Service endpoints of the TSB, and the simulator's own control endpoints under /_sim (not counted,
// no credential: they exist for tests on loopback).

export function systemHandlers(sim: Simulator): HttpHandler[] {
  return [
    endpoint(sim, 'get', '/v1/versionInfo', () =>
      HttpResponse.json({
        version: '2.2.0',
        product: 'Transaction Security Broker (CertDesk simulator)',
        simulated: true,
      }),
    ),

    endpoint(sim, 'get', '/v1/keystore/statistics', () => {
      const keys = [...sim.keys.values()];
      return HttpResponse.json({
        totalKeys: keys.length,
        keysWithPolicy: keys.filter((key) => key.policy).length,
        certificates: keys.filter((key) => key.certificate).length,
      });
    }),

    http.get('*/_sim/stats', () => HttpResponse.json(sim.stats())),
    http.post('*/_sim/reset', () => {
      sim.reset();
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
