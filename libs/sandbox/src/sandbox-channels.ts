import { FakeGraphApiServer, FakeTwitterApiServer } from '@civic/testing';

/** Identities of the sandbox accounts, shared by the fakes, the seeded accounts and the script. */
export const SANDBOX_IDS = {
  facebookPage: '100000000000001',
  mayorPage: '100000000000002',
  instagram: '178400000000001',
  whatsappPhone: '106500000000001',
  whatsappBusiness: '102290000000001',
  twitterUser: '1500000000000000001',
  pagePost: '100000000000001_200000000000001',
  instagramMedia: '179000000000001',
  consumerKey: 'sandbox-consumer-key',
  consumerSecret: 'sandbox-consumer-secret',
  appSecret: 'sandbox-app-secret',
  verifyToken: 'sandbox-verify-token',
} as const;

/**
 * The built-in fake Graph and X servers on loopback, so `npm start` shows a live inbox without any
 * real channel: every channel URL of the app points at them, so nothing reaches a real network.
 */
export class SandboxChannels {
  private constructor(
    readonly graph: FakeGraphApiServer,
    readonly twitter: FakeTwitterApiServer,
  ) {}

  static async start(): Promise<SandboxChannels> {
    const graph = await new FakeGraphApiServer().start();
    const twitter = new FakeTwitterApiServer();
    await twitter.start();
    twitter
      .setApp(SANDBOX_IDS.consumerKey, SANDBOX_IDS.consumerSecret)
      .addToken(`${SANDBOX_IDS.twitterUser}-sandbox-token`, 'sandbox-token-secret', SANDBOX_IDS.twitterUser)
      .addUser({ id: SANDBOX_IDS.twitterUser, name: 'Örnek Belediyesi', username: 'OrnekBelediye' });
    return new SandboxChannels(graph, twitter);
  }

  /** Configuration that routes every channel call of this process to the fakes. */
  configOverrides(): Record<string, string> {
    return {
      SANDBOX: 'true',
      META_GRAPH_URL: this.graph.url,
      META_APP_SECRET: SANDBOX_IDS.appSecret,
      META_VERIFY_TOKEN: SANDBOX_IDS.verifyToken,
      TWITTER_API_URL: this.twitter.url,
      TWITTER_CONSUMER_KEY: SANDBOX_IDS.consumerKey,
      TWITTER_CONSUMER_SECRET: SANDBOX_IDS.consumerSecret,
    };
  }

  async stop(): Promise<void> {
    await Promise.all([this.graph.stop(), this.twitter.stop()]);
  }
}
