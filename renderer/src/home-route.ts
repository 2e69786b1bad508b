/** Where a signed-in agent lands: their En cours. Apart from the router, which imports every view. */
export const homeRoute = { name: 'desk', params: { desk: 'en-cours' } } as const;
