export { Link } from './link';
export { navigate, usePath } from './navigation';
export { type AdminSection, paths, type Route, routeOf } from './routes';
