import { describe, expect, it } from 'vitest';
import { paths, routeOf } from './routes';

describe('routeOf', () => {
  it('names every screen by its address', () => {
    expect(routeOf('/')).toEqual({ screen: 'chat' });
    expect(routeOf(paths.conversation('a b'))).toEqual({ screen: 'chat', conversationId: 'a b' });
    expect(routeOf('/admin')).toEqual({ screen: 'admin', section: 'dashboard' });
    expect(routeOf('/admin/sources/')).toEqual({ screen: 'admin', section: 'sources' });
    expect(routeOf('/tokens')).toEqual({ screen: 'tokens' });
    expect(routeOf('/admin/nothing')).toEqual({ screen: 'not-found' });
  });
});
