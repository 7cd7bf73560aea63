/**
 * Notebook 03-multilateral-embeddedness (memberships, snapshots, balance and overlap): the tables, captions and sentences that notebook shows, built and tested here.
 * @module
 */
export {};
