// Stands in for Node's modules in the browser bundle: the client imports them only on its Node paths.
export default {};
