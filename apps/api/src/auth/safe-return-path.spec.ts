import { safeReturnPath } from './safe-return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/admin/users?page=2', '/admin/users?page=2'],
    ['/', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\r\nSet-Cookie: x=1', '/'],
    [undefined, '/'],
  ])('maps %p to %p', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
