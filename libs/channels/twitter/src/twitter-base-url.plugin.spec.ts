import { TwitterBaseUrlPlugin } from './twitter-base-url.plugin';

describe('TwitterBaseUrlPlugin', () => {
  const rewrite = (base: string, url: string) => {
    const params = { url, method: 'GET' as const };
    new TwitterBaseUrlPlugin(base).onBeforeRequestConfig({ params, url: new URL(url), client: {} as never });
    return params.url;
  };

  it('moves the library’s api.x.com URLs onto the configured root, keeping path placeholders and query', () => {
    expect(rewrite('http://127.0.0.1:4010', 'https://api.x.com/2/users/:id/mentions')).toBe(
      'http://127.0.0.1:4010/2/users/:id/mentions',
    );
    expect(rewrite('https://proxy.example.org/x/', 'https://api.x.com/2/tweets?a=1')).toBe(
      'https://proxy.example.org/x/2/tweets?a=1',
    );
  });

  it('leaves other hosts alone', () => {
    expect(rewrite('http://127.0.0.1:4010', 'https://upload.x.com/1.1/media/upload.json')).toBe(
      'https://upload.x.com/1.1/media/upload.json',
    );
  });
});
