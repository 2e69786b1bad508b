import { onBeforeUnmount, onMounted, type Ref } from 'vue';

/** Room kept under the element: the main area's own bottom padding. */
const bottomGap = 20;
const minimumHeight = 240;

/**
 * Sizes an element to the window's height below its top, so that a long list scrolls inside it
 * (its header and the toolbar above stay in view) whatever the layout above it holds. `refit`
 * after that layout changed (filters opened).
 */
export function useFillHeight(element: Ref<HTMLElement | null>) {
  function refit(): void {
    const target = element.value;
    if (!target) return;
    const height = window.innerHeight - target.getBoundingClientRect().top - bottomGap;
    target.style.height = `${Math.max(minimumHeight, Math.floor(height))}px`;
  }

  onMounted(() => {
    refit();
    window.addEventListener('resize', refit);
  });
  onBeforeUnmount(() => window.removeEventListener('resize', refit));

  return { refit };
}
