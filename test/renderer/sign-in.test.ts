// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { fail, ok, type Envelope } from '../../shared/contract/errors';
import type { CallName } from '../../shared/contract/names';
import type { Transport } from '../../shared/contract/transport';
import type { AgentSummary } from '../../shared/domain/agent';
import { installTransport } from '../../renderer/src/api';
import { createAppI18n } from '../../renderer/src/i18n';
import { createAppRouter } from '../../renderer/src/router';
import SignInView from '../../renderer/src/views/SignInView.vue';

const camille: AgentSummary = { id: 1, displayName: 'Camille Martin', role: 'agent' };
const sacha: AgentSummary = { id: 2, displayName: 'Sacha Bernard', role: 'supervisor' };

/** Our own Transport interface, answered from a table: the core's behaviour for these few calls. */
class FakeTransport implements Transport {
  readonly calls: { name: CallName; input: unknown }[] = [];
  constructor(private readonly signIn: (input: { agentId: number; password: string }) => Envelope<unknown>) {}

  async invoke(name: CallName, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, input });
    switch (name) {
      case 'app.info':
        return ok({ version: '0.1.0', demo: true, dataDir: '/tmp/ud' });
      case 'session.agents':
        return ok([camille, sacha]);
      case 'session.current':
        return ok(null);
      case 'session.signIn':
        return this.signIn(input as { agentId: number; password: string });
      default:
        return ok(null);
    }
  }

  subscribe(): () => void {
    return () => undefined;
  }
}

const wrongPassword = () =>
  fail({
    code: 'validation',
    message: 'Agent ou mot de passe incorrect.',
    fields: { password: 'Agent ou mot de passe incorrect.' },
  });

async function mountSignIn(transport: Transport) {
  installTransport(transport);
  setActivePinia(createPinia());
  const router = createAppRouter(createMemoryHistory());
  await router.push('/connexion');
  const wrapper = mount(SignInView, {
    global: { plugins: [createAppI18n('fr'), router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the sign-in screen', () => {
  it('lists the agents and shows the demo password hint', async () => {
    const { wrapper } = await mountSignIn(new FakeTransport(wrongPassword));
    const options = wrapper.findAll('[data-testid="signin-agent"] option').map((option) => option.text());
    expect(options).toEqual(['Choisissez un agent', 'Camille Martin', 'Sacha Bernard']);
    expect(wrapper.get('[data-testid="signin-demo-hint"]').text()).toBe('Démonstration : mot de passe « demo »');
  });

  it("shows the core's French validation message on the password field", async () => {
    const transport = new FakeTransport(wrongPassword);
    const { wrapper, router } = await mountSignIn(transport);

    await wrapper.get('[data-testid="signin-agent"]').setValue('1');
    await wrapper.get('[data-testid="signin-password"]').setValue('faux');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const error = wrapper.get('[data-testid="signin-error"]');
    expect(error.text()).toBe('Agent ou mot de passe incorrect.');
    const password = wrapper.get('[data-testid="signin-password"]');
    expect(password.attributes('aria-invalid')).toBe('true');
    expect(password.attributes('aria-describedby')).toBe(error.attributes('id'));
    expect(transport.calls.find((call) => call.name === 'session.signIn')?.input).toEqual({ agentId: 1, password: 'faux' });
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('opens the En cours desk once the core accepts the password', async () => {
    const { wrapper, router } = await mountSignIn(
      new FakeTransport(({ agentId, password }) => (agentId === 2 && password === 'demo' ? ok(sacha) : wrongPassword())),
    );

    await wrapper.get('[data-testid="signin-agent"]').setValue('2');
    await wrapper.get('[data-testid="signin-password"]').setValue('demo');
    await wrapper.get('[data-testid="signin-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
    expect(router.currentRoute.value.fullPath).toBe('/bureau/en-cours');
  });

  it('says on the form, not on a field, when the service cannot be reached', async () => {
    const { wrapper } = await mountSignIn(
      new FakeTransport(() => fail({ code: 'unavailable', message: 'Connexion au service perdue…' })),
    );
    await wrapper.get('[data-testid="signin-agent"]').setValue('1');
    await wrapper.get('[data-testid="signin-password"]').setValue('demo');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="signin-form-error"]').text()).toBe('Connexion au service perdue…');
    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
  });
});
