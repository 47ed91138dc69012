// Keeps the keyboard cursor on screen: when arrow keys move to a seat outside the zoomed view,
// the view pans (same zoom) so that seat is in the middle.
import type { VenueLayout } from '@tessera/contracts/catalog';
import type { ReactZoomPanPinchRef } from 'react-zoom-pan-pinch';

/** Seats closer than this to the frame's edge (CSS pixels) count as out of view. */
const MARGIN_PX = 24;

/**
 * Where the view should move (wrapper pixels) so the seat is centred, or null if it is in view.
 * `content` is the map's size at 1×; the map is drawn to the layout's coordinates, scaled evenly.
 */
export const panToKeepInView = ({
  seat,
  layout,
  content,
  wrapper,
  view,
}: {
  seat: { x: number; y: number };
  layout: Pick<VenueLayout, 'width' | 'height'>;
  content: { width: number; height: number };
  wrapper: { width: number; height: number };
  view: { scale: number; positionX: number; positionY: number };
}): { x: number; y: number } | null => {
  const sx = (seat.x / layout.width) * content.width * view.scale;
  const sy = (seat.y / layout.height) * content.height * view.scale;
  const onScreenX = view.positionX + sx;
  const onScreenY = view.positionY + sy;
  const inside =
    onScreenX >= MARGIN_PX &&
    onScreenX <= wrapper.width - MARGIN_PX &&
    onScreenY >= MARGIN_PX &&
    onScreenY <= wrapper.height - MARGIN_PX;
  if (inside) return null;
  return { x: wrapper.width / 2 - sx, y: wrapper.height / 2 - sy };
};

export const keepInView = ({
  zoom,
  layout,
  seat,
}: {
  zoom: ReactZoomPanPinchRef;
  layout: Pick<VenueLayout, 'width' | 'height'>;
  seat: { x: number; y: number };
}) => {
  const { wrapperComponent, contentComponent } = zoom.instance;
  if (!wrapperComponent || !contentComponent) return;
  const view = zoom.instance.state;
  const target = panToKeepInView({
    seat,
    layout,
    content: { width: contentComponent.offsetWidth, height: contentComponent.offsetHeight },
    wrapper: { width: wrapperComponent.clientWidth, height: wrapperComponent.clientHeight },
    view,
  });
  // setTransform keeps the view within bounds itself.
  if (target) zoom.setTransform(target.x, target.y, view.scale, 200);
};
