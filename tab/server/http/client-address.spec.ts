import { clientAddress } from './client-address';

describe('clientAddress (the rate-limit key of a client)', () => {
  it.each([
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an IPv4 address with the port an Azure proxy adds', '203.0.113.7:50123', '203.0.113.7'],
    ['a bare IPv6 address (its colons are not a port)', '2001:db8::7', '2001:db8::7'],
    ['a bracketed IPv6 address with a port', '[2001:db8::7]:443', '2001:db8::7'],
    ['IPv6 loopback with a port', '[::1]:53000', '::1'],
    ['a bracketed IPv6 address without a port', '[::1]', '::1'],
    ['an IPv4-mapped IPv6 address', '::ffff:203.0.113.7', '::ffff:203.0.113.7'],
    ['spaces around an entry', ' 203.0.113.7:1 ', '203.0.113.7'],
  ])('given %s (%j), then the key is %j', (_, address, key) => {
    expect(clientAddress(address)).toBe(key);
  });

  it.each([
    ['a host name with a port', 'proxy.example:80'],
    ['an out-of-range IPv4 with a port', '999.0.0.1:80'],
    ['something bracketed that is not IPv6', '[nope]:1'],
    ['unknown', 'unknown'],
  ])('given %s, then it is left as it is', (_, address) => {
    expect(clientAddress(address)).toBe(address);
  });
});
