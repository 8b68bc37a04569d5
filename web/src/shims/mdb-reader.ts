/**
 * Browser stand-in for mdb-reader (its dependencies need node's Buffer and streams). Arbin .res
 * databases are recognised by the server's inspection and analysed with the CLI.
 */
export default class MDBReader {
  constructor() {
    throw new Error('Arbin .res (Access database) files are read by the CLI, not in the browser workbench');
  }
}
