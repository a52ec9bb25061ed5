// Brings the at-the-money row of the option chain into the middle of its scrolling table
// (and, on a narrow screen, its strike column too), without moving the page itself.
export function scrollRowIntoView(container, selector) {
  if (!container) return false;
  const row = container.querySelector(selector);
  if (!row) return false;
  const header = container.querySelector('thead');
  const headerHeight = header ? header.offsetHeight : 0;
  const target = row.offsetTop - headerHeight - (container.clientHeight - headerHeight - row.offsetHeight) / 2;
  container.scrollTop = Math.max(0, target);
  // On a narrow screen the strike column sits off to the right: bring it to the middle as well.
  const strike = row.querySelector('.kb-chain-strike');
  if (strike && container.scrollWidth > container.clientWidth) {
    container.scrollLeft = Math.max(0, strike.offsetLeft - (container.clientWidth - strike.offsetWidth) / 2);
  }
  container.dataset.scrolledTo = row.dataset.strike || '';
  return true;
}
