// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { fail, ok, type Envelope } from '../../shared/contract/errors';
import type { CallName } from '../../shared/contract/names';
import type { Transport } from '../../shared/contract/transport';
import type { AgentSummary, DemoAccount, SignInInput } from '../../shared/domain/agent';
import { installTransport } from '../../renderer/src/api';
import { createAppI18n } from '../../renderer/src/i18n';
import { createAppRouter } from '../../renderer/src/router';
import SignInView from '../../renderer/src/views/SignInView.vue';

const camille: DemoAccount = { id: 1, displayName: 'Camille Martin', role: 'agent', login: 'camille.martin' };
const sacha: AgentSummary = { id: 2, displayName: 'Sacha Bernard', role: 'supervisor' };

/** Our own Transport interface, answered from a table: the core's behaviour for these few calls. */
class FakeTransport implements Transport {
  readonly calls: { name: CallName; input: unknown }[] = [];
  constructor(
    private readonly signIn: (input: SignInInput) => Envelope<unknown>,
    private readonly demo = true,
  ) {}

  async invoke(name: CallName, input: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, input });
    switch (name) {
      case 'app.info':
        return ok({ version: '0.1.0', demo: this.demo, dataDir: '/tmp/ud' });
      case 'session.agents':
        // As the core answers: the accounts in the demo only.
        return ok(this.demo ? [camille, { ...sacha, login: 'sacha.bernard' }] : []);
      case 'session.current':
        return ok(null);
      case 'session.signIn':
        return this.signIn(input as SignInInput);
      default:
        return ok(null);
    }
  }

  subscribe(): () => void {
    return () => undefined;
  }
}

const wrongCredentials = () =>
  fail({
    code: 'validation',
    message: 'Identifiant ou mot de passe incorrect.',
    fields: { password: 'Identifiant ou mot de passe incorrect.' },
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
  it('asks for a login and a password, and lists no account outside the demo', async () => {
    const { wrapper } = await mountSignIn(new FakeTransport(wrongCredentials, false));
    expect(wrapper.get('[data-testid="signin-login"]').attributes('autocomplete')).toBe('username');
    expect(wrapper.find('[data-testid="signin-demo-account"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="signin-demo-hint"]').exists()).toBe(false);
  });

  it('in the demo, lists the accounts with the password hint; choosing one fills the login', async () => {
    const { wrapper } = await mountSignIn(new FakeTransport(wrongCredentials));
    const accounts = wrapper.findAll('[data-testid="signin-demo-account"]');
    expect(accounts.map((account) => account.findAll('span').map((part) => part.text()))).toEqual([
      ['Camille Martin', 'Agent · camille.martin'],
      ['Sacha Bernard', 'Superviseur · sacha.bernard'],
    ]);
    expect(wrapper.get('[data-testid="signin-demo-hint"]').text()).toBe('Démonstration : choisissez un compte, mot de passe « demo »');
    await accounts[1]?.trigger('click');
    expect((wrapper.get('[data-testid="signin-login"]').element as HTMLInputElement).value).toBe('sacha.bernard');
  });

  it("shows the core's French message on the password field", async () => {
    const transport = new FakeTransport(wrongCredentials);
    const { wrapper, router } = await mountSignIn(transport);

    await wrapper.get('[data-testid="signin-login"]').setValue('camille.martin');
    await wrapper.get('[data-testid="signin-password"]').setValue('faux');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const error = wrapper.get('[data-testid="signin-error"]');
    expect(error.text()).toBe('Identifiant ou mot de passe incorrect.');
    const password = wrapper.get('[data-testid="signin-password"]');
    expect(password.attributes('aria-invalid')).toBe('true');
    expect(password.attributes('aria-describedby')).toBe(error.attributes('id'));
    expect(transport.calls.find((call) => call.name === 'session.signIn')?.input).toEqual({ login: 'camille.martin', password: 'faux' });
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('shows a missing login on the login field', async () => {
    const { wrapper } = await mountSignIn(
      new FakeTransport(() => fail({ code: 'validation', message: 'Certains champs ne sont pas valides.', fields: { login: 'Saisissez votre identifiant.' } })),
    );
    await wrapper.get('[data-testid="signin-password"]').setValue('demo');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="signin-login-error"]').text()).toBe('Saisissez votre identifiant.');
    expect(wrapper.get('[data-testid="signin-login"]').attributes('aria-invalid')).toBe('true');
  });

  it('opens the En cours desk once the core accepts the password, and remembers the login', async () => {
    const { wrapper, router } = await mountSignIn(
      new FakeTransport(({ login, password }) => (login === 'sacha.bernard' && password === 'demo' ? ok(sacha) : wrongCredentials())),
    );

    await wrapper.get('[data-testid="signin-login"]').setValue('sacha.bernard');
    await wrapper.get('[data-testid="signin-password"]').setValue('demo');
    await wrapper.get('[data-testid="signin-submit"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
    expect(router.currentRoute.value.fullPath).toBe('/bureau/en-cours');
    wrapper.unmount();
    const again = await mountSignIn(new FakeTransport(wrongCredentials, false));
    expect((again.wrapper.get('[data-testid="signin-login"]').element as HTMLInputElement).value).toBe('sacha.bernard');
  });

  it('says on the form how long to wait after too many attempts', async () => {
    const limited = () =>
      fail({ code: 'rate_limited', message: 'Trop de tentatives : réessayez dans 8 secondes.', retryAfterSeconds: 8 });
    const { wrapper } = await mountSignIn(new FakeTransport(limited));
    await wrapper.get('[data-testid="signin-login"]').setValue('camille.martin');
    await wrapper.get('[data-testid="signin-password"]').setValue('demo');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="signin-form-error"]').text()).toBe('Trop de tentatives : réessayez dans 8 secondes.');
    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
  });

  it('says on the form, not on a field, when the service cannot be reached', async () => {
    const { wrapper } = await mountSignIn(
      new FakeTransport(() => fail({ code: 'unavailable', message: 'Connexion au service perdue…' })),
    );
    await wrapper.get('[data-testid="signin-login"]').setValue('camille.martin');
    await wrapper.get('[data-testid="signin-password"]').setValue('demo');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="signin-form-error"]').text()).toBe('Connexion au service perdue…');
    expect(wrapper.find('[data-testid="signin-error"]').exists()).toBe(false);
  });
});
