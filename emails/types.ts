/** A rendered email: what src/mail sends, minus sender and recipient. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What every subscription email knows about its reader. */
export interface SubscriptionEmailProps {
  siteTitle: string;
  siteUrl: string;
  /** The recipient's address, shown so they know which of their addresses this is about. */
  address: string;
  /** Human descriptions of the followed scopes ("team Atlas", …). */
  scopes: string[];
  unsubscribeUrl: string;
}
