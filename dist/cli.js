#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2463:
/***/ ((module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
const core_1 = __nccwpck_require__(3893);
const draft7_1 = __nccwpck_require__(9941);
const discriminator_1 = __nccwpck_require__(8886);
const draft7MetaSchema = __nccwpck_require__(2079);
const META_SUPPORT_DATA = ["/properties"];
const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
class Ajv extends core_1.default {
    _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
            this.addKeyword(discriminator_1.default);
    }
    _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
            return;
        const metaSchema = this.opts.$data
            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
            : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
    }
    defaultMeta() {
        return (this.opts.defaultMeta =
            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
    }
}
exports.Ajv = Ajv;
module.exports = exports = Ajv;
module.exports.Ajv = Ajv;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = Ajv;
var validate_1 = __nccwpck_require__(7881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __nccwpck_require__(1436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
var validation_error_1 = __nccwpck_require__(3021);
Object.defineProperty(exports, "ValidationError", ({ enumerable: true, get: function () { return validation_error_1.default; } }));
var ref_error_1 = __nccwpck_require__(3162);
Object.defineProperty(exports, "MissingRefError", ({ enumerable: true, get: function () { return ref_error_1.default; } }));
//# sourceMappingURL=ajv.js.map

/***/ }),

/***/ 567:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
// eslint-disable-next-line @typescript-eslint/no-extraneous-class
class _CodeOrName {
}
exports._CodeOrName = _CodeOrName;
exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
class Name extends _CodeOrName {
    constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
            throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
    }
    toString() {
        return this.str;
    }
    emptyStr() {
        return false;
    }
    get names() {
        return { [this.str]: 1 };
    }
}
exports.Name = Name;
class _Code extends _CodeOrName {
    constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
    }
    toString() {
        return this.str;
    }
    emptyStr() {
        if (this._items.length > 1)
            return false;
        const item = this._items[0];
        return item === "" || item === '""';
    }
    get str() {
        var _a;
        return ((_a = this._str) !== null && _a !== void 0 ? _a : (this._str = this._items.reduce((s, c) => `${s}${c}`, "")));
    }
    get names() {
        var _a;
        return ((_a = this._names) !== null && _a !== void 0 ? _a : (this._names = this._items.reduce((names, c) => {
            if (c instanceof Name)
                names[c.str] = (names[c.str] || 0) + 1;
            return names;
        }, {})));
    }
}
exports._Code = _Code;
exports.nil = new _Code("");
function _(strs, ...args) {
    const code = [strs[0]];
    let i = 0;
    while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
    }
    return new _Code(code);
}
exports._ = _;
const plus = new _Code("+");
function str(strs, ...args) {
    const expr = [safeStringify(strs[0])];
    let i = 0;
    while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
    }
    optimize(expr);
    return new _Code(expr);
}
exports.str = str;
function addCodeArg(code, arg) {
    if (arg instanceof _Code)
        code.push(...arg._items);
    else if (arg instanceof Name)
        code.push(arg);
    else
        code.push(interpolate(arg));
}
exports.addCodeArg = addCodeArg;
function optimize(expr) {
    let i = 1;
    while (i < expr.length - 1) {
        if (expr[i] === plus) {
            const res = mergeExprItems(expr[i - 1], expr[i + 1]);
            if (res !== undefined) {
                expr.splice(i - 1, 3, res);
                continue;
            }
            expr[i++] = "+";
        }
        i++;
    }
}
function mergeExprItems(a, b) {
    if (b === '""')
        return a;
    if (a === '""')
        return b;
    if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
            return;
        if (typeof b != "string")
            return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
            return a.slice(0, -1) + b.slice(1);
        return;
    }
    if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
    return;
}
function strConcat(c1, c2) {
    return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str `${c1}${c2}`;
}
exports.strConcat = strConcat;
// TODO do not allow arrays here
function interpolate(x) {
    return typeof x == "number" || typeof x == "boolean" || x === null
        ? x
        : safeStringify(Array.isArray(x) ? x.join(",") : x);
}
function stringify(x) {
    return new _Code(safeStringify(x));
}
exports.stringify = stringify;
function safeStringify(x) {
    return JSON.stringify(x)
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}
exports.safeStringify = safeStringify;
function getProperty(key) {
    return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _ `[${key}]`;
}
exports.getProperty = getProperty;
//Does best effort to format the name properly
function getEsmExportName(key) {
    if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
    }
    throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
}
exports.getEsmExportName = getEsmExportName;
function regexpCode(rx) {
    return new _Code(rx.toString());
}
exports.regexpCode = regexpCode;
//# sourceMappingURL=code.js.map

/***/ }),

/***/ 1436:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
const code_1 = __nccwpck_require__(567);
const scope_1 = __nccwpck_require__(7788);
var code_2 = __nccwpck_require__(567);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return code_2._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return code_2.str; } }));
Object.defineProperty(exports, "strConcat", ({ enumerable: true, get: function () { return code_2.strConcat; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return code_2.nil; } }));
Object.defineProperty(exports, "getProperty", ({ enumerable: true, get: function () { return code_2.getProperty; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return code_2.stringify; } }));
Object.defineProperty(exports, "regexpCode", ({ enumerable: true, get: function () { return code_2.regexpCode; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return code_2.Name; } }));
var scope_2 = __nccwpck_require__(7788);
Object.defineProperty(exports, "Scope", ({ enumerable: true, get: function () { return scope_2.Scope; } }));
Object.defineProperty(exports, "ValueScope", ({ enumerable: true, get: function () { return scope_2.ValueScope; } }));
Object.defineProperty(exports, "ValueScopeName", ({ enumerable: true, get: function () { return scope_2.ValueScopeName; } }));
Object.defineProperty(exports, "varKinds", ({ enumerable: true, get: function () { return scope_2.varKinds; } }));
exports.operators = {
    GT: new code_1._Code(">"),
    GTE: new code_1._Code(">="),
    LT: new code_1._Code("<"),
    LTE: new code_1._Code("<="),
    EQ: new code_1._Code("==="),
    NEQ: new code_1._Code("!=="),
    NOT: new code_1._Code("!"),
    OR: new code_1._Code("||"),
    AND: new code_1._Code("&&"),
    ADD: new code_1._Code("+"),
};
class Node {
    optimizeNodes() {
        return this;
    }
    optimizeNames(_names, _constants) {
        return this;
    }
}
class Def extends Node {
    constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
    }
    render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === undefined ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
    }
    optimizeNames(names, constants) {
        if (!names[this.name.str])
            return;
        if (this.rhs)
            this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
    }
    get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
    }
}
class Assign extends Node {
    constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
    }
    render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
    }
    optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
            return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
    }
    get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
    }
}
class AssignOp extends Assign {
    constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
    }
    render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
    }
}
class Label extends Node {
    constructor(label) {
        super();
        this.label = label;
        this.names = {};
    }
    render({ _n }) {
        return `${this.label}:` + _n;
    }
}
class Break extends Node {
    constructor(label) {
        super();
        this.label = label;
        this.names = {};
    }
    render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
    }
}
class Throw extends Node {
    constructor(error) {
        super();
        this.error = error;
    }
    render({ _n }) {
        return `throw ${this.error};` + _n;
    }
    get names() {
        return this.error.names;
    }
}
class AnyCode extends Node {
    constructor(code) {
        super();
        this.code = code;
    }
    render({ _n }) {
        return `${this.code};` + _n;
    }
    optimizeNodes() {
        return `${this.code}` ? this : undefined;
    }
    optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
    }
    get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
    }
}
class ParentNode extends Node {
    constructor(nodes = []) {
        super();
        this.nodes = nodes;
    }
    render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
    }
    optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
            const n = nodes[i].optimizeNodes();
            if (Array.isArray(n))
                nodes.splice(i, 1, ...n);
            else if (n)
                nodes[i] = n;
            else
                nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : undefined;
    }
    optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
            // iterating backwards improves 1-pass optimization
            const n = nodes[i];
            if (n.optimizeNames(names, constants))
                continue;
            subtractNames(names, n.names);
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : undefined;
    }
    get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
    }
}
class BlockNode extends ParentNode {
    render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
    }
}
class Root extends ParentNode {
}
class Else extends BlockNode {
}
Else.kind = "else";
class If extends BlockNode {
    constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
    }
    render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
            code += "else " + this.else.render(opts);
        return code;
    }
    optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
            return this.nodes; // else is ignored here
        let e = this.else;
        if (e) {
            const ns = e.optimizeNodes();
            e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
            if (cond === false)
                return e instanceof If ? e : e.nodes;
            if (this.nodes.length)
                return this;
            return new If(not(cond), e instanceof If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
            return undefined;
        return this;
    }
    optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
            return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
    }
    get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
            addNames(names, this.else.names);
        return names;
    }
}
If.kind = "if";
class For extends BlockNode {
}
For.kind = "for";
class ForLoop extends For {
    constructor(iteration) {
        super();
        this.iteration = iteration;
    }
    render(opts) {
        return `for(${this.iteration})` + super.render(opts);
    }
    optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
            return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
    }
    get names() {
        return addNames(super.names, this.iteration.names);
    }
}
class ForRange extends For {
    constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
    }
    render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
    }
    get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
    }
}
class ForIter extends For {
    constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
    }
    render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
    }
    optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
            return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
    }
    get names() {
        return addNames(super.names, this.iterable.names);
    }
}
class Func extends BlockNode {
    constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
    }
    render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
    }
}
Func.kind = "func";
class Return extends ParentNode {
    render(opts) {
        return "return " + super.render(opts);
    }
}
Return.kind = "return";
class Try extends BlockNode {
    render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
            code += this.catch.render(opts);
        if (this.finally)
            code += this.finally.render(opts);
        return code;
    }
    optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
    }
    optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
    }
    get names() {
        const names = super.names;
        if (this.catch)
            addNames(names, this.catch.names);
        if (this.finally)
            addNames(names, this.finally.names);
        return names;
    }
}
class Catch extends BlockNode {
    constructor(error) {
        super();
        this.error = error;
    }
    render(opts) {
        return `catch(${this.error})` + super.render(opts);
    }
}
Catch.kind = "catch";
class Finally extends BlockNode {
    render(opts) {
        return "finally" + super.render(opts);
    }
}
Finally.kind = "finally";
class CodeGen {
    constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
    }
    toString() {
        return this._root.render(this.opts);
    }
    // returns unique name in the internal scope
    name(prefix) {
        return this._scope.name(prefix);
    }
    // reserves unique name in the external scope
    scopeName(prefix) {
        return this._extScope.name(prefix);
    }
    // reserves unique name in the external scope and assigns value to it
    scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = new Set());
        vs.add(name);
        return name;
    }
    getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
    }
    // return code that assigns values in the external scope to the names that are used internally
    // (same names that were returned by gen.scopeName or gen.scopeValue)
    scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
    }
    scopeCode() {
        return this._extScope.scopeCode(this._values);
    }
    _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== undefined && constant)
            this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
    }
    // `const` declaration (`var` in es5 mode)
    const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
    }
    // `let` declaration with optional assignment (`var` in es5 mode)
    let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
    }
    // `var` declaration with optional assignment
    var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
    }
    // assignment code
    assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
    }
    // `+=` code
    add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
    }
    // appends passed SafeExpr to code or executes Block
    code(c) {
        if (typeof c == "function")
            c();
        else if (c !== code_1.nil)
            this._leafNode(new AnyCode(c));
        return this;
    }
    // returns code for object literal for the passed argument list of key-value pairs
    object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
            if (code.length > 1)
                code.push(",");
            code.push(key);
            if (key !== value || this.opts.es5) {
                code.push(":");
                (0, code_1.addCodeArg)(code, value);
            }
        }
        code.push("}");
        return new code_1._Code(code);
    }
    // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
    if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
            this.code(thenBody).else().code(elseBody).endIf();
        }
        else if (thenBody) {
            this.code(thenBody).endIf();
        }
        else if (elseBody) {
            throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
    }
    // `else if` clause - invalid without `if` or after `else` clauses
    elseIf(condition) {
        return this._elseNode(new If(condition));
    }
    // `else` clause - only valid after `if` or `else if` clauses
    else() {
        return this._elseNode(new Else());
    }
    // end `if` statement (needed if gen.if was used only with condition)
    endIf() {
        return this._endBlockNode(If, Else);
    }
    _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
            this.code(forBody).endFor();
        return this;
    }
    // a generic `for` clause (or statement if `forBody` is passed)
    for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
    }
    // `for` statement for a range of values
    forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
    }
    // `for-of` statement (in es5 mode replace with a normal for loop)
    forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
            const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
            return this.forRange("_i", 0, (0, code_1._) `${arr}.length`, (i) => {
                this.var(name, (0, code_1._) `${arr}[${i}]`);
                forBody(name);
            });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
    }
    // `for-in` statement.
    // With option `ownProperties` replaced with a `for-of` loop for object keys
    forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
            return this.forOf(nameOrPrefix, (0, code_1._) `Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
    }
    // end `for` loop
    endFor() {
        return this._endBlockNode(For);
    }
    // `label` statement
    label(label) {
        return this._leafNode(new Label(label));
    }
    // `break` statement
    break(label) {
        return this._leafNode(new Break(label));
    }
    // `return` statement
    return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
            throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
    }
    // `try` statement
    try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
            throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
            const error = this.name("e");
            this._currNode = node.catch = new Catch(error);
            catchCode(error);
        }
        if (finallyCode) {
            this._currNode = node.finally = new Finally();
            this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
    }
    // `throw` statement
    throw(error) {
        return this._leafNode(new Throw(error));
    }
    // start self-balancing block
    block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
            this.code(body).endBlock(nodeCount);
        return this;
    }
    // end the current self-balancing block
    endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === undefined)
            throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || (nodeCount !== undefined && toClose !== nodeCount)) {
            throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
    }
    // `function` heading (or definition if funcBody is passed)
    func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
            this.code(funcBody).endFunc();
        return this;
    }
    // end function definition
    endFunc() {
        return this._endBlockNode(Func);
    }
    optimize(n = 1) {
        while (n-- > 0) {
            this._root.optimizeNodes();
            this._root.optimizeNames(this._root.names, this._constants);
        }
    }
    _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
    }
    _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
    }
    _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || (N2 && n instanceof N2)) {
            this._nodes.pop();
            return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
    }
    _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
            throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
    }
    get _root() {
        return this._nodes[0];
    }
    get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
    }
    set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
    }
}
exports.CodeGen = CodeGen;
function addNames(names, from) {
    for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
    return names;
}
function addExprNames(names, from) {
    return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
}
function optimizeExpr(expr, names, constants) {
    if (expr instanceof code_1.Name)
        return replaceName(expr);
    if (!canOptimize(expr))
        return expr;
    return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
            c = replaceName(c);
        if (c instanceof code_1._Code)
            items.push(...c._items);
        else
            items.push(c);
        return items;
    }, []));
    function replaceName(n) {
        const c = constants[n.str];
        if (c === undefined || names[n.str] !== 1)
            return n;
        delete names[n.str];
        return c;
    }
    function canOptimize(e) {
        return (e instanceof code_1._Code &&
            e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== undefined));
    }
}
function subtractNames(names, from) {
    for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
}
function not(x) {
    return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._) `!${par(x)}`;
}
exports.not = not;
const andCode = mappend(exports.operators.AND);
// boolean AND (&&) expression with the passed arguments
function and(...args) {
    return args.reduce(andCode);
}
exports.and = and;
const orCode = mappend(exports.operators.OR);
// boolean OR (||) expression with the passed arguments
function or(...args) {
    return args.reduce(orCode);
}
exports.or = or;
function mappend(op) {
    return (x, y) => (x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._) `${par(x)} ${op} ${par(y)}`);
}
function par(x) {
    return x instanceof code_1.Name ? x : (0, code_1._) `(${x})`;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
const code_1 = __nccwpck_require__(567);
class ValueError extends Error {
    constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
    }
}
var UsedValueState;
(function (UsedValueState) {
    UsedValueState[UsedValueState["Started"] = 0] = "Started";
    UsedValueState[UsedValueState["Completed"] = 1] = "Completed";
})(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
exports.varKinds = {
    const: new code_1.Name("const"),
    let: new code_1.Name("let"),
    var: new code_1.Name("var"),
};
class Scope {
    constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
    }
    toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
    }
    name(prefix) {
        return new code_1.Name(this._newName(prefix));
    }
    _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
    }
    _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || (this._prefixes && !this._prefixes.has(prefix))) {
            throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return (this._names[prefix] = { prefix, index: 0 });
    }
}
exports.Scope = Scope;
class ValueScopeName extends code_1.Name {
    constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
    }
    setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._) `.${new code_1.Name(property)}[${itemIndex}]`;
    }
}
exports.ValueScopeName = ValueScopeName;
const line = (0, code_1._) `\n`;
class ValueScope extends Scope {
    constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
    }
    get() {
        return this._scope;
    }
    name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
    }
    value(nameOrPrefix, value) {
        var _a;
        if (value.ref === undefined)
            throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
            const _name = vs.get(valueKey);
            if (_name)
                return _name;
        }
        else {
            vs = this._values[prefix] = new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
    }
    getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
            return;
        return vs.get(keyOrRef);
    }
    scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
            if (name.scopePath === undefined)
                throw new Error(`CodeGen: name "${name}" has no value`);
            return (0, code_1._) `${scopeName}${name.scopePath}`;
        });
    }
    scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
            if (name.value === undefined)
                throw new Error(`CodeGen: name "${name}" has no value`);
            return name.value.code;
        }, usedValues, getCode);
    }
    _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
            const vs = values[prefix];
            if (!vs)
                continue;
            const nameSet = (usedValues[prefix] = usedValues[prefix] || new Map());
            vs.forEach((name) => {
                if (nameSet.has(name))
                    return;
                nameSet.set(name, UsedValueState.Started);
                let c = valueCode(name);
                if (c) {
                    const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
                    code = (0, code_1._) `${code}${def} ${name} = ${c};${this.opts._n}`;
                }
                else if ((c = getCode === null || getCode === void 0 ? void 0 : getCode(name))) {
                    code = (0, code_1._) `${code}${c}${this.opts._n}`;
                }
                else {
                    throw new ValueError(name);
                }
                nameSet.set(name, UsedValueState.Completed);
            });
        }
        return code;
    }
}
exports.ValueScope = ValueScope;
//# sourceMappingURL=scope.js.map

/***/ }),

/***/ 1283:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const names_1 = __nccwpck_require__(630);
exports.keywordError = {
    message: ({ keyword }) => (0, codegen_1.str) `must pass "${keyword}" keyword validation`,
};
exports.keyword$DataError = {
    message: ({ keyword, schemaType }) => schemaType
        ? (0, codegen_1.str) `"${keyword}" keyword must be ${schemaType} ($data)`
        : (0, codegen_1.str) `"${keyword}" keyword is invalid ($data)`,
};
function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
    const { it } = cxt;
    const { gen, compositeRule, allErrors } = it;
    const errObj = errorObjectCode(cxt, error, errorPaths);
    if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : (compositeRule || allErrors)) {
        addError(gen, errObj);
    }
    else {
        returnErrors(it, (0, codegen_1._) `[${errObj}]`);
    }
}
exports.reportError = reportError;
function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
    const { it } = cxt;
    const { gen, compositeRule, allErrors } = it;
    const errObj = errorObjectCode(cxt, error, errorPaths);
    addError(gen, errObj);
    if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
    }
}
exports.reportExtraError = reportExtraError;
function resetErrorsCount(gen, errsCount) {
    gen.assign(names_1.default.errors, errsCount);
    gen.if((0, codegen_1._) `${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._) `${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
}
exports.resetErrorsCount = resetErrorsCount;
function extendErrors({ gen, keyword, schemaValue, data, errsCount, it, }) {
    /* istanbul ignore if */
    if (errsCount === undefined)
        throw new Error("ajv implementation error");
    const err = gen.name("err");
    gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._) `${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._) `${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._) `${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._) `${err}.schemaPath`, (0, codegen_1.str) `${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
            gen.assign((0, codegen_1._) `${err}.schema`, schemaValue);
            gen.assign((0, codegen_1._) `${err}.data`, data);
        }
    });
}
exports.extendErrors = extendErrors;
function addError(gen, errObj) {
    const err = gen.const("err", errObj);
    gen.if((0, codegen_1._) `${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._) `[${err}]`), (0, codegen_1._) `${names_1.default.vErrors}.push(${err})`);
    gen.code((0, codegen_1._) `${names_1.default.errors}++`);
}
function returnErrors(it, errs) {
    const { gen, validateName, schemaEnv } = it;
    if (schemaEnv.$async) {
        gen.throw((0, codegen_1._) `new ${it.ValidationError}(${errs})`);
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, errs);
        gen.return(false);
    }
}
const E = {
    keyword: new codegen_1.Name("keyword"),
    schemaPath: new codegen_1.Name("schemaPath"), // also used in JTD errors
    params: new codegen_1.Name("params"),
    propertyName: new codegen_1.Name("propertyName"),
    message: new codegen_1.Name("message"),
    schema: new codegen_1.Name("schema"),
    parentSchema: new codegen_1.Name("parentSchema"),
};
function errorObjectCode(cxt, error, errorPaths) {
    const { createErrors } = cxt.it;
    if (createErrors === false)
        return (0, codegen_1._) `{}`;
    return errorObject(cxt, error, errorPaths);
}
function errorObject(cxt, error, errorPaths = {}) {
    const { gen, it } = cxt;
    const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths),
    ];
    extraErrorProps(cxt, error, keyValues);
    return gen.object(...keyValues);
}
function errorInstancePath({ errorPath }, { instancePath }) {
    const instPath = instancePath
        ? (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}`
        : errorPath;
    return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
}
function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
    let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str) `${errSchemaPath}/${keyword}`;
    if (schemaPath) {
        schPath = (0, codegen_1.str) `${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
    }
    return [E.schemaPath, schPath];
}
function extraErrorProps(cxt, { params, message }, keyValues) {
    const { keyword, data, schemaValue, it } = cxt;
    const { opts, propertyName, topSchemaRef, schemaPath } = it;
    keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._) `{}`]);
    if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
    }
    if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._) `${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
    }
    if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 2718:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
const codegen_1 = __nccwpck_require__(1436);
const validation_error_1 = __nccwpck_require__(3021);
const names_1 = __nccwpck_require__(630);
const resolve_1 = __nccwpck_require__(4090);
const util_1 = __nccwpck_require__(4464);
const validate_1 = __nccwpck_require__(7881);
class SchemaEnv {
    constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
            schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
    }
}
exports.SchemaEnv = SchemaEnv;
// let codeSize = 0
// let nodeCount = 0
// Compiles schema in SchemaEnv
function compileSchema(sch) {
    // TODO refactor - remove compilations
    const _sch = getCompilingSchema.call(this, sch);
    if (_sch)
        return _sch;
    const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId); // TODO if getFullPath removed 1 tests fails
    const { es5, lines } = this.opts.code;
    const { ownProperties } = this.opts;
    const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
    let _ValidationError;
    if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
            ref: validation_error_1.default,
            code: (0, codegen_1._) `require("ajv/dist/runtime/validation_error").default`,
        });
    }
    const validateName = gen.scopeName("validate");
    sch.validateName = validateName;
    const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil], // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true
            ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) }
            : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._) `""`,
        opts: this.opts,
        self: this,
    };
    let sourceCode;
    try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        // gen.optimize(1)
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        // console.log((codeSize += sourceCode.length), (nodeCount += gen.nodeCount))
        if (this.opts.code.process)
            sourceCode = this.opts.code.process(sourceCode, sch);
        // console.log("\n\n\n *** \n", sourceCode)
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
            validate.$async = true;
        if (this.opts.code.source === true) {
            validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
            const { props, items } = schemaCxt;
            validate.evaluated = {
                props: props instanceof codegen_1.Name ? undefined : props,
                items: items instanceof codegen_1.Name ? undefined : items,
                dynamicProps: props instanceof codegen_1.Name,
                dynamicItems: items instanceof codegen_1.Name,
            };
            if (validate.source)
                validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
    }
    catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
            this.logger.error("Error compiling schema, function code:", sourceCode);
        // console.log("\n\n\n *** \n", sourceCode, this.opts)
        throw e;
    }
    finally {
        this._compilations.delete(sch);
    }
}
exports.compileSchema = compileSchema;
function resolveRef(root, baseId, ref) {
    var _a;
    ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
    const schOrFunc = root.refs[ref];
    if (schOrFunc)
        return schOrFunc;
    let _sch = resolve.call(this, root, ref);
    if (_sch === undefined) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref]; // TODO maybe localRefs should hold SchemaEnv
        const { schemaId } = this.opts;
        if (schema)
            _sch = new SchemaEnv({ schema, schemaId, root, baseId });
    }
    if (_sch === undefined)
        return;
    return (root.refs[ref] = inlineOrCompile.call(this, _sch));
}
exports.resolveRef = resolveRef;
function inlineOrCompile(sch) {
    if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
    return sch.validate ? sch : compileSchema.call(this, sch);
}
// Index of schema compilation in the currently compiled list
function getCompilingSchema(schEnv) {
    for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
            return sch;
    }
}
exports.getCompilingSchema = getCompilingSchema;
function sameSchemaEnv(s1, s2) {
    return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
}
// resolve and compile the references ($ref)
// TODO returns AnySchemaObject (if the schema can be inlined) or validation function
function resolve(root, // information about the root schema for the current schema
ref // reference to resolve
) {
    let sch;
    while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
    return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
}
// Resolve schema, its root and baseId
function resolveSchema(root, // root object with properties schema, refs TODO below SchemaEnv is assigned to it
ref // reference to resolve
) {
    const p = this.opts.uriResolver.parse(ref);
    const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
    let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, undefined);
    // TODO `Object.keys(root.schema).length > 0` should not be needed - but removing breaks 2 tests
    if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
    }
    const id = (0, resolve_1.normalizeId)(refPath);
    const schOrRef = this.refs[id] || this.schemas[id];
    if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
            return;
        return getJsonPointer.call(this, p, sch);
    }
    if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
    if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
    if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
    }
    return getJsonPointer.call(this, p, schOrRef);
}
exports.resolveSchema = resolveSchema;
const PREVENT_SCOPE_CHANGE = new Set([
    "properties",
    "patternProperties",
    "enum",
    "dependencies",
    "definitions",
]);
function getJsonPointer(parsedRef, { baseId, schema, root }) {
    var _a;
    if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
    for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
            return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === undefined)
            return;
        schema = partSchema;
        // TODO PREVENT_SCOPE_CHANGE could be defined in keyword def?
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
    }
    let env;
    if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
    }
    // even though resolution failed we need to return SchemaEnv to throw exception
    // so that compileAsync loads missing schema.
    const { schemaId } = this.opts;
    env = env || new SchemaEnv({ schema, schemaId, root, baseId });
    if (env.schema !== env.root.schema)
        return env;
    return undefined;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 630:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const names = {
    // validation function arguments
    data: new codegen_1.Name("data"), // data passed to validation function
    // args passed from referencing schema
    valCxt: new codegen_1.Name("valCxt"), // validation/data context - should not be used directly, it is destructured to the names below
    instancePath: new codegen_1.Name("instancePath"),
    parentData: new codegen_1.Name("parentData"),
    parentDataProperty: new codegen_1.Name("parentDataProperty"),
    rootData: new codegen_1.Name("rootData"), // root data - same as the data passed to the first/top validation function
    dynamicAnchors: new codegen_1.Name("dynamicAnchors"), // used to support recursiveRef and dynamicRef
    // function scoped variables
    vErrors: new codegen_1.Name("vErrors"), // null or array of validation errors
    errors: new codegen_1.Name("errors"), // counter of validation errors
    this: new codegen_1.Name("this"),
    // "globals"
    self: new codegen_1.Name("self"),
    scope: new codegen_1.Name("scope"),
    // JTD serialize/parse name for JSON string and position
    json: new codegen_1.Name("json"),
    jsonPos: new codegen_1.Name("jsonPos"),
    jsonLen: new codegen_1.Name("jsonLen"),
    jsonPart: new codegen_1.Name("jsonPart"),
};
exports["default"] = names;
//# sourceMappingURL=names.js.map

/***/ }),

/***/ 3162:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const resolve_1 = __nccwpck_require__(4090);
class MissingRefError extends Error {
    constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
    }
}
exports["default"] = MissingRefError;
//# sourceMappingURL=ref_error.js.map

/***/ }),

/***/ 4090:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
const util_1 = __nccwpck_require__(4464);
const equal = __nccwpck_require__(3430);
const traverse = __nccwpck_require__(1167);
// TODO refactor to use keyword definitions
const SIMPLE_INLINED = new Set([
    "type",
    "format",
    "pattern",
    "maxLength",
    "minLength",
    "maxProperties",
    "minProperties",
    "maxItems",
    "minItems",
    "maximum",
    "minimum",
    "uniqueItems",
    "multipleOf",
    "required",
    "enum",
    "const",
]);
function inlineRef(schema, limit = true) {
    if (typeof schema == "boolean")
        return true;
    if (limit === true)
        return !hasRef(schema);
    if (!limit)
        return false;
    return countKeys(schema) <= limit;
}
exports.inlineRef = inlineRef;
const REF_KEYWORDS = new Set([
    "$ref",
    "$recursiveRef",
    "$recursiveAnchor",
    "$dynamicRef",
    "$dynamicAnchor",
]);
function hasRef(schema) {
    for (const key in schema) {
        if (REF_KEYWORDS.has(key))
            return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
            return true;
        if (typeof sch == "object" && hasRef(sch))
            return true;
    }
    return false;
}
function countKeys(schema) {
    let count = 0;
    for (const key in schema) {
        if (key === "$ref")
            return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
            continue;
        if (typeof schema[key] == "object") {
            (0, util_1.eachItem)(schema[key], (sch) => (count += countKeys(sch)));
        }
        if (count === Infinity)
            return Infinity;
    }
    return count;
}
function getFullPath(resolver, id = "", normalize) {
    if (normalize !== false)
        id = normalizeId(id);
    const p = resolver.parse(id);
    return _getFullPath(resolver, p);
}
exports.getFullPath = getFullPath;
function _getFullPath(resolver, p) {
    const serialized = resolver.serialize(p);
    return serialized.split("#")[0] + "#";
}
exports._getFullPath = _getFullPath;
const TRAILING_SLASH_HASH = /#\/?$/;
function normalizeId(id) {
    return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
}
exports.normalizeId = normalizeId;
function resolveUrl(resolver, baseId, id) {
    id = normalizeId(id);
    return resolver.resolve(baseId, id);
}
exports.resolveUrl = resolveUrl;
const ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
function getSchemaRefs(schema, baseId) {
    if (typeof schema == "boolean")
        return {};
    const { schemaId, uriResolver } = this.opts;
    const schId = normalizeId(schema[schemaId] || baseId);
    const baseIds = { "": schId };
    const pathPrefix = getFullPath(uriResolver, schId, false);
    const localRefs = {};
    const schemaRefs = new Set();
    traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === undefined)
            return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
            innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
            // eslint-disable-next-line @typescript-eslint/unbound-method
            const _resolve = this.opts.uriResolver.resolve;
            ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
            if (schemaRefs.has(ref))
                throw ambiguos(ref);
            schemaRefs.add(ref);
            let schOrRef = this.refs[ref];
            if (typeof schOrRef == "string")
                schOrRef = this.refs[schOrRef];
            if (typeof schOrRef == "object") {
                checkAmbiguosRef(sch, schOrRef.schema, ref);
            }
            else if (ref !== normalizeId(fullPath)) {
                if (ref[0] === "#") {
                    checkAmbiguosRef(sch, localRefs[ref], ref);
                    localRefs[ref] = sch;
                }
                else {
                    this.refs[ref] = fullPath;
                }
            }
            return ref;
        }
        function addAnchor(anchor) {
            if (typeof anchor == "string") {
                if (!ANCHOR.test(anchor))
                    throw new Error(`invalid anchor "${anchor}"`);
                addRef.call(this, `#${anchor}`);
            }
        }
    });
    return localRefs;
    function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== undefined && !equal(sch1, sch2))
            throw ambiguos(ref);
    }
    function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
    }
}
exports.getSchemaRefs = getSchemaRefs;
//# sourceMappingURL=resolve.js.map

/***/ }),

/***/ 7353:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRules = exports.isJSONType = void 0;
const _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
const jsonTypes = new Set(_jsonTypes);
function isJSONType(x) {
    return typeof x == "string" && jsonTypes.has(x);
}
exports.isJSONType = isJSONType;
function getRules() {
    const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] },
    };
    return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {},
    };
}
exports.getRules = getRules;
//# sourceMappingURL=rules.js.map

/***/ }),

/***/ 4464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
const codegen_1 = __nccwpck_require__(1436);
const code_1 = __nccwpck_require__(567);
// TODO refactor to use Set
function toHash(arr) {
    const hash = {};
    for (const item of arr)
        hash[item] = true;
    return hash;
}
exports.toHash = toHash;
function alwaysValidSchema(it, schema) {
    if (typeof schema == "boolean")
        return schema;
    if (Object.keys(schema).length === 0)
        return true;
    checkUnknownRules(it, schema);
    return !schemaHasRules(schema, it.self.RULES.all);
}
exports.alwaysValidSchema = alwaysValidSchema;
function checkUnknownRules(it, schema = it.schema) {
    const { opts, self } = it;
    if (!opts.strictSchema)
        return;
    if (typeof schema === "boolean")
        return;
    const rules = self.RULES.keywords;
    for (const key in schema) {
        if (!rules[key])
            checkStrictMode(it, `unknown keyword: "${key}"`);
    }
}
exports.checkUnknownRules = checkUnknownRules;
function schemaHasRules(schema, rules) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (rules[key])
            return true;
    return false;
}
exports.schemaHasRules = schemaHasRules;
function schemaHasRulesButRef(schema, RULES) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
            return true;
    return false;
}
exports.schemaHasRulesButRef = schemaHasRulesButRef;
function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
    if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
            return schema;
        if (typeof schema == "string")
            return (0, codegen_1._) `${schema}`;
    }
    return (0, codegen_1._) `${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
}
exports.schemaRefOrVal = schemaRefOrVal;
function unescapeFragment(str) {
    return unescapeJsonPointer(decodeURIComponent(str));
}
exports.unescapeFragment = unescapeFragment;
function escapeFragment(str) {
    return encodeURIComponent(escapeJsonPointer(str));
}
exports.escapeFragment = escapeFragment;
function escapeJsonPointer(str) {
    if (typeof str == "number")
        return `${str}`;
    return str.replace(/~/g, "~0").replace(/\//g, "~1");
}
exports.escapeJsonPointer = escapeJsonPointer;
function unescapeJsonPointer(str) {
    return str.replace(/~1/g, "/").replace(/~0/g, "~");
}
exports.unescapeJsonPointer = unescapeJsonPointer;
function eachItem(xs, f) {
    if (Array.isArray(xs)) {
        for (const x of xs)
            f(x);
    }
    else {
        f(xs);
    }
}
exports.eachItem = eachItem;
function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName, }) {
    return (gen, from, to, toName) => {
        const res = to === undefined
            ? from
            : to instanceof codegen_1.Name
                ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to)
                : from instanceof codegen_1.Name
                    ? (mergeToName(gen, to, from), from)
                    : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
    };
}
exports.mergeEvaluated = {
    props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => {
            gen.if((0, codegen_1._) `${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._) `${to} || {}`).code((0, codegen_1._) `Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => {
            if (from === true) {
                gen.assign(to, true);
            }
            else {
                gen.assign(to, (0, codegen_1._) `${to} || {}`);
                setEvaluated(gen, to, from);
            }
        }),
        mergeValues: (from, to) => (from === true ? true : { ...from, ...to }),
        resultToName: evaluatedPropsToName,
    }),
    items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._) `${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._) `${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => (from === true ? true : Math.max(from, to)),
        resultToName: (gen, items) => gen.var("items", items),
    }),
};
function evaluatedPropsToName(gen, ps) {
    if (ps === true)
        return gen.var("props", true);
    const props = gen.var("props", (0, codegen_1._) `{}`);
    if (ps !== undefined)
        setEvaluated(gen, props, ps);
    return props;
}
exports.evaluatedPropsToName = evaluatedPropsToName;
function setEvaluated(gen, props, ps) {
    Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._) `${props}${(0, codegen_1.getProperty)(p)}`, true));
}
exports.setEvaluated = setEvaluated;
const snippets = {};
function useFunc(gen, f) {
    return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code)),
    });
}
exports.useFunc = useFunc;
var Type;
(function (Type) {
    Type[Type["Num"] = 0] = "Num";
    Type[Type["Str"] = 1] = "Str";
})(Type || (exports.Type = Type = {}));
function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
    // let path
    if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax
            ? isNumber
                ? (0, codegen_1._) `"[" + ${dataProp} + "]"`
                : (0, codegen_1._) `"['" + ${dataProp} + "']"`
            : isNumber
                ? (0, codegen_1._) `"/" + ${dataProp}`
                : (0, codegen_1._) `"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`; // TODO maybe use global escapePointer
    }
    return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
}
exports.getErrorPath = getErrorPath;
function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
    if (!mode)
        return;
    msg = `strict mode: ${msg}`;
    if (mode === true)
        throw new Error(msg);
    it.self.logger.warn(msg);
}
exports.checkStrictMode = checkStrictMode;
//# sourceMappingURL=util.js.map

/***/ }),

/***/ 7692:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
function schemaHasRulesForType({ schema, self }, type) {
    const group = self.RULES.types[type];
    return group && group !== true && shouldUseGroup(schema, group);
}
exports.schemaHasRulesForType = schemaHasRulesForType;
function shouldUseGroup(schema, group) {
    return group.rules.some((rule) => shouldUseRule(schema, rule));
}
exports.shouldUseGroup = shouldUseGroup;
function shouldUseRule(schema, rule) {
    var _a;
    return (schema[rule.keyword] !== undefined ||
        ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== undefined)));
}
exports.shouldUseRule = shouldUseRule;
//# sourceMappingURL=applicability.js.map

/***/ }),

/***/ 5346:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
const errors_1 = __nccwpck_require__(1283);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const boolError = {
    message: "boolean schema is false",
};
function topBoolOrEmptySchema(it) {
    const { gen, schema, validateName } = it;
    if (schema === false) {
        falseSchemaError(it, false);
    }
    else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, null);
        gen.return(true);
    }
}
exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
function boolOrEmptySchema(it, valid) {
    const { gen, schema } = it;
    if (schema === false) {
        gen.var(valid, false); // TODO var
        falseSchemaError(it);
    }
    else {
        gen.var(valid, true); // TODO var
    }
}
exports.boolOrEmptySchema = boolOrEmptySchema;
function falseSchemaError(it, overrideAllErrors) {
    const { gen, data } = it;
    // TODO maybe some other interface should be used for non-keyword validation errors...
    const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it,
    };
    (0, errors_1.reportError)(cxt, boolError, undefined, overrideAllErrors);
}
//# sourceMappingURL=boolSchema.js.map

/***/ }),

/***/ 6685:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
const rules_1 = __nccwpck_require__(7353);
const applicability_1 = __nccwpck_require__(7692);
const errors_1 = __nccwpck_require__(1283);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
var DataType;
(function (DataType) {
    DataType[DataType["Correct"] = 0] = "Correct";
    DataType[DataType["Wrong"] = 1] = "Wrong";
})(DataType || (exports.DataType = DataType = {}));
function getSchemaTypes(schema) {
    const types = getJSONTypes(schema.type);
    const hasNull = types.includes("null");
    if (hasNull) {
        if (schema.nullable === false)
            throw new Error("type: null contradicts nullable: false");
    }
    else {
        if (!types.length && schema.nullable !== undefined) {
            throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
            types.push("null");
    }
    return types;
}
exports.getSchemaTypes = getSchemaTypes;
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
function getJSONTypes(ts) {
    const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
    if (types.every(rules_1.isJSONType))
        return types;
    throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
}
exports.getJSONTypes = getJSONTypes;
function coerceAndCheckDataType(it, types) {
    const { gen, data, opts } = it;
    const coerceTo = coerceToTypes(types, opts.coerceTypes);
    const checkTypes = types.length > 0 &&
        !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
    if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
            if (coerceTo.length)
                coerceData(it, types, coerceTo);
            else
                reportTypeError(it);
        });
    }
    return checkTypes;
}
exports.coerceAndCheckDataType = coerceAndCheckDataType;
const COERCIBLE = new Set(["string", "number", "integer", "boolean", "null"]);
function coerceToTypes(types, coerceTypes) {
    return coerceTypes
        ? types.filter((t) => COERCIBLE.has(t) || (coerceTypes === "array" && t === "array"))
        : [];
}
function coerceData(it, types, coerceTo) {
    const { gen, data, opts } = it;
    const dataType = gen.let("dataType", (0, codegen_1._) `typeof ${data}`);
    const coerced = gen.let("coerced", (0, codegen_1._) `undefined`);
    if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._) `${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen
            .assign(data, (0, codegen_1._) `${data}[0]`)
            .assign(dataType, (0, codegen_1._) `typeof ${data}`)
            .if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
    }
    gen.if((0, codegen_1._) `${coerced} !== undefined`);
    for (const t of coerceTo) {
        if (COERCIBLE.has(t) || (t === "array" && opts.coerceTypes === "array")) {
            coerceSpecificType(t);
        }
    }
    gen.else();
    reportTypeError(it);
    gen.endIf();
    gen.if((0, codegen_1._) `${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
    });
    function coerceSpecificType(t) {
        switch (t) {
            case "string":
                gen
                    .elseIf((0, codegen_1._) `${dataType} == "number" || ${dataType} == "boolean"`)
                    .assign(coerced, (0, codegen_1._) `"" + ${data}`)
                    .elseIf((0, codegen_1._) `${data} === null`)
                    .assign(coerced, (0, codegen_1._) `""`);
                return;
            case "number":
                gen
                    .elseIf((0, codegen_1._) `${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`)
                    .assign(coerced, (0, codegen_1._) `+${data}`);
                return;
            case "integer":
                gen
                    .elseIf((0, codegen_1._) `${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`)
                    .assign(coerced, (0, codegen_1._) `+${data}`);
                return;
            case "boolean":
                gen
                    .elseIf((0, codegen_1._) `${data} === "false" || ${data} === 0 || ${data} === null`)
                    .assign(coerced, false)
                    .elseIf((0, codegen_1._) `${data} === "true" || ${data} === 1`)
                    .assign(coerced, true);
                return;
            case "null":
                gen.elseIf((0, codegen_1._) `${data} === "" || ${data} === 0 || ${data} === false`);
                gen.assign(coerced, null);
                return;
            case "array":
                gen
                    .elseIf((0, codegen_1._) `${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`)
                    .assign(coerced, (0, codegen_1._) `[${data}]`);
        }
    }
}
function assignParentData({ gen, parentData, parentDataProperty }, expr) {
    // TODO use gen.property
    gen.if((0, codegen_1._) `${parentData} !== undefined`, () => gen.assign((0, codegen_1._) `${parentData}[${parentDataProperty}]`, expr));
}
function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
    const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
    let cond;
    switch (dataType) {
        case "null":
            return (0, codegen_1._) `${data} ${EQ} null`;
        case "array":
            cond = (0, codegen_1._) `Array.isArray(${data})`;
            break;
        case "object":
            cond = (0, codegen_1._) `${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
            break;
        case "integer":
            cond = numCond((0, codegen_1._) `!(${data} % 1) && !isNaN(${data})`);
            break;
        case "number":
            cond = numCond();
            break;
        default:
            return (0, codegen_1._) `typeof ${data} ${EQ} ${dataType}`;
    }
    return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
    function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._) `typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._) `isFinite(${data})` : codegen_1.nil);
    }
}
exports.checkDataType = checkDataType;
function checkDataTypes(dataTypes, data, strictNums, correct) {
    if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
    }
    let cond;
    const types = (0, util_1.toHash)(dataTypes);
    if (types.array && types.object) {
        const notObj = (0, codegen_1._) `typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._) `!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
    }
    else {
        cond = codegen_1.nil;
    }
    if (types.number)
        delete types.integer;
    for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
    return cond;
}
exports.checkDataTypes = checkDataTypes;
const typeError = {
    message: ({ schema }) => `must be ${schema}`,
    params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._) `{type: ${schema}}` : (0, codegen_1._) `{type: ${schemaValue}}`,
};
function reportTypeError(it) {
    const cxt = getTypeErrorContext(it);
    (0, errors_1.reportError)(cxt, typeError);
}
exports.reportTypeError = reportTypeError;
function getTypeErrorContext(it) {
    const { gen, data, schema } = it;
    const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
    return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it,
    };
}
//# sourceMappingURL=dataType.js.map

/***/ }),

/***/ 1699:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assignDefaults = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
function assignDefaults(it, ty) {
    const { properties, items } = it.schema;
    if (ty === "object" && properties) {
        for (const key in properties) {
            assignDefault(it, key, properties[key].default);
        }
    }
    else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
    }
}
exports.assignDefaults = assignDefaults;
function assignDefault(it, prop, defaultValue) {
    const { gen, compositeRule, data, opts } = it;
    if (defaultValue === undefined)
        return;
    const childData = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(prop)}`;
    if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
    }
    let condition = (0, codegen_1._) `${childData} === undefined`;
    if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._) `${condition} || ${childData} === null || ${childData} === ""`;
    }
    // `${childData} === undefined` +
    // (opts.useDefaults === "empty" ? ` || ${childData} === null || ${childData} === ""` : "")
    gen.if(condition, (0, codegen_1._) `${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
}
//# sourceMappingURL=defaults.js.map

/***/ }),

/***/ 7881:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
const boolSchema_1 = __nccwpck_require__(5346);
const dataType_1 = __nccwpck_require__(6685);
const applicability_1 = __nccwpck_require__(7692);
const dataType_2 = __nccwpck_require__(6685);
const defaults_1 = __nccwpck_require__(1699);
const keyword_1 = __nccwpck_require__(5202);
const subschema_1 = __nccwpck_require__(6200);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const resolve_1 = __nccwpck_require__(4090);
const util_1 = __nccwpck_require__(4464);
const errors_1 = __nccwpck_require__(1283);
// schema compilation - generates validation function, subschemaCode (below) is used for subschemas
function validateFunctionCode(it) {
    if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
            topSchemaObjCode(it);
            return;
        }
    }
    validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
}
exports.validateFunctionCode = validateFunctionCode;
function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
    if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
            gen.code((0, codegen_1._) `"use strict"; ${funcSourceUrl(schema, opts)}`);
            destructureValCxtES5(gen, opts);
            gen.code(body);
        });
    }
    else {
        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
    }
}
function destructureValCxt(opts) {
    return (0, codegen_1._) `{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._) `, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
}
function destructureValCxtES5(gen, opts) {
    gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
    }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._) `""`);
        gen.var(names_1.default.parentData, (0, codegen_1._) `undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `{}`);
    });
}
function topSchemaObjCode(it) {
    const { schema, opts, gen } = it;
    validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
            commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
            resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
    });
    return;
}
function resetEvaluated(it) {
    // TODO maybe some hook to execute it in the end to check whether props/items are Name, as in assignEvaluated
    const { gen, validateName } = it;
    it.evaluated = gen.const("evaluated", (0, codegen_1._) `${validateName}.evaluated`);
    gen.if((0, codegen_1._) `${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._) `${it.evaluated}.props`, (0, codegen_1._) `undefined`));
    gen.if((0, codegen_1._) `${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._) `${it.evaluated}.items`, (0, codegen_1._) `undefined`));
}
function funcSourceUrl(schema, opts) {
    const schId = typeof schema == "object" && schema[opts.schemaId];
    return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._) `/*# sourceURL=${schId} */` : codegen_1.nil;
}
// schema compilation - this function is used recursively to generate code for sub-schemas
function subschemaCode(it, valid) {
    if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
            subSchemaObjCode(it, valid);
            return;
        }
    }
    (0, boolSchema_1.boolOrEmptySchema)(it, valid);
}
function schemaCxtHasRules({ schema, self }) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (self.RULES.all[key])
            return true;
    return false;
}
function isSchemaObj(it) {
    return typeof it.schema != "boolean";
}
function subSchemaObjCode(it, valid) {
    const { schema, gen, opts } = it;
    if (opts.$comment && schema.$comment)
        commentKeyword(it);
    updateContext(it);
    checkAsyncSchema(it);
    const errsCount = gen.const("_errs", names_1.default.errors);
    typeAndKeywords(it, errsCount);
    // TODO var
    gen.var(valid, (0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
}
function checkKeywords(it) {
    (0, util_1.checkUnknownRules)(it);
    checkRefsAndKeywords(it);
}
function typeAndKeywords(it, errsCount) {
    if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
    const types = (0, dataType_1.getSchemaTypes)(it.schema);
    const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
    schemaKeywords(it, types, !checkedTypes, errsCount);
}
function checkRefsAndKeywords(it) {
    const { schema, errSchemaPath, opts, self } = it;
    if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
    }
}
function checkNoDefault(it) {
    const { schema, opts } = it;
    if (schema.default !== undefined && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
    }
}
function updateContext(it) {
    const schId = it.schema[it.opts.schemaId];
    if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
}
function checkAsyncSchema(it) {
    if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
}
function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
    const msg = schema.$comment;
    if (opts.$comment === true) {
        gen.code((0, codegen_1._) `${names_1.default.self}.logger.log(${msg})`);
    }
    else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str) `${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._) `${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
    }
}
function returnResults(it) {
    const { gen, schemaEnv, validateName, ValidationError, opts } = it;
    if (schemaEnv.$async) {
        // TODO assign unevaluated
        gen.if((0, codegen_1._) `${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._) `new ${ValidationError}(${names_1.default.vErrors})`));
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
            assignEvaluated(it);
        gen.return((0, codegen_1._) `${names_1.default.errors} === 0`);
    }
}
function assignEvaluated({ gen, evaluated, props, items }) {
    if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._) `${evaluated}.props`, props);
    if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._) `${evaluated}.items`, items);
}
function schemaKeywords(it, types, typeErrors, errsCount) {
    const { gen, schema, data, allErrors, opts, self } = it;
    const { RULES } = self;
    if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition)); // TODO typecast
        return;
    }
    if (!opts.jtd)
        checkStrictTypes(it, types);
    gen.block(() => {
        for (const group of RULES.rules)
            groupKeywords(group);
        groupKeywords(RULES.post);
    });
    function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
            return;
        if (group.type) {
            gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
            iterateKeywords(it, group);
            if (types.length === 1 && types[0] === group.type && typeErrors) {
                gen.else();
                (0, dataType_2.reportTypeError)(it);
            }
            gen.endIf();
        }
        else {
            iterateKeywords(it, group);
        }
        // TODO make it "ok" call?
        if (!allErrors)
            gen.if((0, codegen_1._) `${names_1.default.errors} === ${errsCount || 0}`);
    }
}
function iterateKeywords(it, group) {
    const { gen, schema, opts: { useDefaults }, } = it;
    if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
    gen.block(() => {
        for (const rule of group.rules) {
            if ((0, applicability_1.shouldUseRule)(schema, rule)) {
                keywordCode(it, rule.keyword, rule.definition, group.type);
            }
        }
    });
}
function checkStrictTypes(it, types) {
    if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
    checkContextTypes(it, types);
    if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
    checkKeywordTypes(it, it.dataTypes);
}
function checkContextTypes(it, types) {
    if (!types.length)
        return;
    if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
    }
    types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
            strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
    });
    narrowSchemaTypes(it, types);
}
function checkMultipleTypes(it, ts) {
    if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
    }
}
function checkKeywordTypes(it, ts) {
    const rules = it.self.RULES.all;
    for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
            const { type } = rule.definition;
            if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
                strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
            }
        }
    }
}
function hasApplicableType(schTs, kwdT) {
    return schTs.includes(kwdT) || (kwdT === "number" && schTs.includes("integer"));
}
function includesType(ts, t) {
    return ts.includes(t) || (t === "integer" && ts.includes("number"));
}
function narrowSchemaTypes(it, withTypes) {
    const ts = [];
    for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
            ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
            ts.push("integer");
    }
    it.dataTypes = ts;
}
function strictTypesError(it, msg) {
    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
    msg += ` at "${schemaPath}" (strictTypes)`;
    (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
}
class KeywordCxt {
    constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
            this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        }
        else {
            this.schemaCode = this.schemaValue;
            if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
                throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
            }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
            this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
    }
    result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
    }
    failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
            failAction();
        else
            this.error();
        if (successAction) {
            this.gen.else();
            successAction();
            if (this.allErrors)
                this.gen.endIf();
        }
        else {
            if (this.allErrors)
                this.gen.endIf();
            else
                this.gen.else();
        }
    }
    pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), undefined, failAction);
    }
    fail(condition) {
        if (condition === undefined) {
            this.error();
            if (!this.allErrors)
                this.gen.if(false); // this branch will be removed by gen.optimize
            return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
            this.gen.endIf();
        else
            this.gen.else();
    }
    fail$data(condition) {
        if (!this.$data)
            return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._) `${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
    }
    error(append, errorParams, errorPaths) {
        if (errorParams) {
            this.setParams(errorParams);
            this._error(append, errorPaths);
            this.setParams({});
            return;
        }
        this._error(append, errorPaths);
    }
    _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
    }
    $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
    }
    reset() {
        if (this.errsCount === undefined)
            throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
    }
    ok(cond) {
        if (!this.allErrors)
            this.gen.if(cond);
    }
    setParams(obj, assign) {
        if (assign)
            Object.assign(this.params, obj);
        else
            this.params = obj;
    }
    block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
            this.check$data(valid, $dataValid);
            codeBlock();
        });
    }
    check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
            return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._) `${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
            gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
            gen.elseIf(this.invalid$data());
            this.$dataError();
            if (valid !== codegen_1.nil)
                gen.assign(valid, false);
        }
        gen.else();
    }
    invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
            if (schemaType.length) {
                /* istanbul ignore if */
                if (!(schemaCode instanceof codegen_1.Name))
                    throw new Error("ajv implementation error");
                const st = Array.isArray(schemaType) ? schemaType : [schemaType];
                return (0, codegen_1._) `${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
            }
            return codegen_1.nil;
        }
        function invalid$DataSchema() {
            if (def.validateSchema) {
                const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema }); // TODO value.code for standalone
                return (0, codegen_1._) `!${validateSchemaRef}(${schemaCode})`;
            }
            return codegen_1.nil;
        }
    }
    subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: undefined, props: undefined };
        subschemaCode(nextContext, valid);
        return nextContext;
    }
    mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
            return;
        if (it.props !== true && schemaCxt.props !== undefined) {
            it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== undefined) {
            it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
    }
    mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
            gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
            return true;
        }
    }
}
exports.KeywordCxt = KeywordCxt;
function keywordCode(it, keyword, def, ruleType) {
    const cxt = new KeywordCxt(it, def, keyword);
    if ("code" in def) {
        def.code(cxt, ruleType);
    }
    else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
    }
    else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
    }
    else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
    }
}
const JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
const RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
function getData($data, { dataLevel, dataNames, dataPathArr }) {
    let jsonPointer;
    let data;
    if ($data === "")
        return names_1.default.rootData;
    if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
            throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
    }
    else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
            throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
            if (up >= dataLevel)
                throw new Error(errorMsg("property/index", up));
            return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
            throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
            return data;
    }
    let expr = data;
    const segments = jsonPointer.split("/");
    for (const segment of segments) {
        if (segment) {
            data = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
            expr = (0, codegen_1._) `${expr} && ${data}`;
        }
    }
    return expr;
    function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
    }
}
exports.getData = getData;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5202:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const code_1 = __nccwpck_require__(8484);
const errors_1 = __nccwpck_require__(1283);
function macroKeywordCode(cxt, def) {
    const { gen, keyword, schema, parentSchema, it } = cxt;
    const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
    const schemaRef = useKeyword(gen, keyword, macroSchema);
    if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
    const valid = gen.name("valid");
    cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true,
    }, valid);
    cxt.pass(valid, () => cxt.error(true));
}
exports.macroKeywordCode = macroKeywordCode;
function funcKeywordCode(cxt, def) {
    var _a;
    const { gen, keyword, schema, parentSchema, $data, it } = cxt;
    checkAsyncKeyword(it, def);
    const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
    const validateRef = useKeyword(gen, keyword, validate);
    const valid = gen.let("valid");
    cxt.block$data(valid, validateKeyword);
    cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
    function validateKeyword() {
        if (def.errors === false) {
            assignValid();
            if (def.modifying)
                modifyData(cxt);
            reportErrs(() => cxt.error());
        }
        else {
            const ruleErrs = def.async ? validateAsync() : validateSync();
            if (def.modifying)
                modifyData(cxt);
            reportErrs(() => addErrs(cxt, ruleErrs));
        }
    }
    function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._) `await `), (e) => gen.assign(valid, false).if((0, codegen_1._) `${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._) `${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
    }
    function validateSync() {
        const validateErrs = (0, codegen_1._) `${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
    }
    function assignValid(_await = def.async ? (0, codegen_1._) `await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !(("compile" in def && !$data) || def.schema === false);
        gen.assign(valid, (0, codegen_1._) `${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
    }
    function reportErrs(errors) {
        var _a;
        gen.if((0, codegen_1.not)((_a = def.valid) !== null && _a !== void 0 ? _a : valid), errors);
    }
}
exports.funcKeywordCode = funcKeywordCode;
function modifyData(cxt) {
    const { gen, data, it } = cxt;
    gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._) `${it.parentData}[${it.parentDataProperty}]`));
}
function addErrs(cxt, errs) {
    const { gen } = cxt;
    gen.if((0, codegen_1._) `Array.isArray(${errs})`, () => {
        gen
            .assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`)
            .assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
    }, () => cxt.error());
}
function checkAsyncKeyword({ schemaEnv }, def) {
    if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
}
function useKeyword(gen, keyword, result) {
    if (result === undefined)
        throw new Error(`keyword "${keyword}" failed to compile`);
    return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
}
function validSchemaType(schema, schemaType, allowUndefined = false) {
    // TODO add tests
    return (!schemaType.length ||
        schemaType.some((st) => st === "array"
            ? Array.isArray(schema)
            : st === "object"
                ? schema && typeof schema == "object" && !Array.isArray(schema)
                : typeof schema == st || (allowUndefined && typeof schema == "undefined")));
}
exports.validSchemaType = validSchemaType;
function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
    /* istanbul ignore if */
    if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
    }
    const deps = def.dependencies;
    if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
    }
    if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
            const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` +
                self.errorsText(def.validateSchema.errors);
            if (opts.validateSchema === "log")
                self.logger.error(msg);
            else
                throw new Error(msg);
        }
    }
}
exports.validateKeywordUsage = validateKeywordUsage;
//# sourceMappingURL=keyword.js.map

/***/ }),

/***/ 6200:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
    if (keyword !== undefined && schema !== undefined) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
    }
    if (keyword !== undefined) {
        const sch = it.schema[keyword];
        return schemaProp === undefined
            ? {
                schema: sch,
                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
                errSchemaPath: `${it.errSchemaPath}/${keyword}`,
            }
            : {
                schema: sch[schemaProp],
                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
                errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`,
            };
    }
    if (schema !== undefined) {
        if (schemaPath === undefined || errSchemaPath === undefined || topSchemaRef === undefined) {
            throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
            schema,
            schemaPath,
            topSchemaRef,
            errSchemaPath,
        };
    }
    throw new Error('either "keyword" or "schema" must be passed');
}
exports.getSubschema = getSubschema;
function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
    if (data !== undefined && dataProp !== undefined) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
    }
    const { gen } = it;
    if (dataProp !== undefined) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._) `${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._) `${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
    }
    if (data !== undefined) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true); // replaceable if used once?
        dataContextProps(nextData);
        if (propertyName !== undefined)
            subschema.propertyName = propertyName;
        // TODO something is possibly wrong here with not changing parentDataProperty and not appending dataPathArr
    }
    if (dataTypes)
        subschema.dataTypes = dataTypes;
    function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
    }
}
exports.extendSubschemaData = extendSubschemaData;
function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
    if (compositeRule !== undefined)
        subschema.compositeRule = compositeRule;
    if (createErrors !== undefined)
        subschema.createErrors = createErrors;
    if (allErrors !== undefined)
        subschema.allErrors = allErrors;
    subschema.jtdDiscriminator = jtdDiscriminator; // not inherited
    subschema.jtdMetadata = jtdMetadata; // not inherited
}
exports.extendSubschemaMode = extendSubschemaMode;
//# sourceMappingURL=subschema.js.map

/***/ }),

/***/ 3893:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
var validate_1 = __nccwpck_require__(7881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __nccwpck_require__(1436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
const validation_error_1 = __nccwpck_require__(3021);
const ref_error_1 = __nccwpck_require__(3162);
const rules_1 = __nccwpck_require__(7353);
const compile_1 = __nccwpck_require__(2718);
const codegen_2 = __nccwpck_require__(1436);
const resolve_1 = __nccwpck_require__(4090);
const dataType_1 = __nccwpck_require__(6685);
const util_1 = __nccwpck_require__(4464);
const $dataRefSchema = __nccwpck_require__(3837);
const uri_1 = __nccwpck_require__(6285);
const defaultRegExp = (str, flags) => new RegExp(str, flags);
defaultRegExp.code = "new RegExp";
const META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
const EXT_SCOPE_NAMES = new Set([
    "validate",
    "serialize",
    "parse",
    "wrapper",
    "root",
    "schema",
    "keyword",
    "pattern",
    "formats",
    "validate$data",
    "func",
    "obj",
    "Error",
]);
const removedOptions = {
    errorDataPath: "",
    format: "`validateFormats: false` can be used instead.",
    nullable: '"nullable" keyword is supported by default.',
    jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
    extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
    missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
    processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
    sourceCode: "Use option `code: {source: true}`",
    strictDefaults: "It is default now, see option `strict`.",
    strictKeywords: "It is default now, see option `strict`.",
    uniqueItems: '"uniqueItems" keyword is always validated.',
    unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
    cache: "Map is used as cache, schema object as key.",
    serialize: "Map is used as cache, schema object as key.",
    ajvErrors: "It is default now.",
};
const deprecatedOptions = {
    ignoreKeywordsWithRef: "",
    jsPropertySyntax: "",
    unicode: '"minLength"/"maxLength" account for unicode characters by default.',
};
const MAX_EXPRESSION = 200;
// eslint-disable-next-line complexity
function requiredOptions(o) {
    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
    const s = o.strict;
    const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
    const optimize = _optz === true || _optz === undefined ? 1 : _optz || 0;
    const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
    const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
    return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver: uriResolver,
    };
}
class Ajv {
    constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = Object.create(null);
        this._compilations = new Set();
        this._loading = {};
        this._cache = new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
            addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
            addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
            this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
    }
    _addVocabularies() {
        this.addKeyword("$async");
    }
    _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
            _dataRefSchema = { ...$dataRefSchema };
            _dataRefSchema.id = _dataRefSchema.$id;
            delete _dataRefSchema.$id;
        }
        if (meta && $data)
            this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
    }
    defaultMeta() {
        const { meta, schemaId } = this.opts;
        return (this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : undefined);
    }
    validate(schemaKeyRef, // key, ref or schema object
    // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
    data // to be validated
    ) {
        let v;
        if (typeof schemaKeyRef == "string") {
            v = this.getSchema(schemaKeyRef);
            if (!v)
                throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        }
        else {
            v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
            this.errors = v.errors;
        return valid;
    }
    compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return (sch.validate || this._compileSchemaEnv(sch));
    }
    compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
            throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
            await loadMetaSchema.call(this, _schema.$schema);
            const sch = this._addSchema(_schema, _meta);
            return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
            if ($ref && !this.getSchema($ref)) {
                await runCompileAsync.call(this, { $ref }, true);
            }
        }
        async function _compileAsync(sch) {
            try {
                return this._compileSchemaEnv(sch);
            }
            catch (e) {
                if (!(e instanceof ref_error_1.default))
                    throw e;
                checkLoaded.call(this, e);
                await loadMissingSchema.call(this, e.missingSchema);
                return _compileAsync.call(this, sch);
            }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
            if (this.refs[ref]) {
                throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
            }
        }
        async function loadMissingSchema(ref) {
            const _schema = await _loadSchema.call(this, ref);
            if (!this.refs[ref])
                await loadMetaSchema.call(this, _schema.$schema);
            if (!this.refs[ref])
                this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
            const p = this._loading[ref];
            if (p)
                return p;
            try {
                return await (this._loading[ref] = loadSchema(ref));
            }
            finally {
                delete this._loading[ref];
            }
        }
    }
    // Adds schema to the instance
    addSchema(schema, // If array is passed, `key` will be ignored
    key, // Optional schema key. Can be passed to `validate` method instead of schema object or id/ref. One schema per instance can have empty `id` and `key`.
    _meta, // true if schema is a meta-schema. Used internally, addMetaSchema should be used instead.
    _validateSchema = this.opts.validateSchema // false to skip schema validation. Used internally, option validateSchema should be used instead.
    ) {
        if (Array.isArray(schema)) {
            for (const sch of schema)
                this.addSchema(sch, undefined, _meta, _validateSchema);
            return this;
        }
        let id;
        if (typeof schema === "object") {
            const { schemaId } = this.opts;
            id = schema[schemaId];
            if (id !== undefined && typeof id != "string") {
                throw new Error(`schema ${schemaId} must be string`);
            }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
    }
    // Add schema that will be used to validate other schemas
    // options in META_IGNORE_OPTIONS are alway set to false
    addMetaSchema(schema, key, // schema key
    _validateSchema = this.opts.validateSchema // false to skip schema validation, can be used to override validateSchema option for meta-schema
    ) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
    }
    //  Validate schema against its meta-schema
    validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
            return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== undefined && typeof $schema != "string") {
            throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
            this.logger.warn("meta-schema not available");
            this.errors = null;
            return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
            const message = "schema is invalid: " + this.errorsText();
            if (this.opts.validateSchema === "log")
                this.logger.error(message);
            else
                throw new Error(message);
        }
        return valid;
    }
    // Get compiled schema by `key` or `ref`.
    // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
    getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
            keyRef = sch;
        if (sch === undefined) {
            const { schemaId } = this.opts;
            const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
            sch = compile_1.resolveSchema.call(this, root, keyRef);
            if (!sch)
                return;
            this.refs[keyRef] = sch;
        }
        return (sch.validate || this._compileSchemaEnv(sch));
    }
    // Remove cached schema(s).
    // If no parameter is passed all schemas but meta-schemas are removed.
    // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
    // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
    removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
            this._removeAllSchemas(this.schemas, schemaKeyRef);
            this._removeAllSchemas(this.refs, schemaKeyRef);
            return this;
        }
        switch (typeof schemaKeyRef) {
            case "undefined":
                this._removeAllSchemas(this.schemas);
                this._removeAllSchemas(this.refs);
                this._cache.clear();
                return this;
            case "string": {
                const sch = getSchEnv.call(this, schemaKeyRef);
                if (typeof sch == "object")
                    this._cache.delete(sch.schema);
                delete this.schemas[schemaKeyRef];
                delete this.refs[schemaKeyRef];
                return this;
            }
            case "object": {
                const cacheKey = schemaKeyRef;
                this._cache.delete(cacheKey);
                let id = schemaKeyRef[this.opts.schemaId];
                if (id) {
                    id = (0, resolve_1.normalizeId)(id);
                    delete this.schemas[id];
                    delete this.refs[id];
                }
                return this;
            }
            default:
                throw new Error("ajv.removeSchema: invalid parameter");
        }
    }
    // add "vocabulary" - a collection of keywords
    addVocabulary(definitions) {
        for (const def of definitions)
            this.addKeyword(def);
        return this;
    }
    addKeyword(kwdOrDef, def // deprecated
    ) {
        let keyword;
        if (typeof kwdOrDef == "string") {
            keyword = kwdOrDef;
            if (typeof def == "object") {
                this.logger.warn("these parameters are deprecated, see docs for addKeyword");
                def.keyword = keyword;
            }
        }
        else if (typeof kwdOrDef == "object" && def === undefined) {
            def = kwdOrDef;
            keyword = def.keyword;
            if (Array.isArray(keyword) && !keyword.length) {
                throw new Error("addKeywords: keyword must be string or non-empty array");
            }
        }
        else {
            throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
            (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
            return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
            ...def,
            type: (0, dataType_1.getJSONTypes)(def.type),
            schemaType: (0, dataType_1.getJSONTypes)(def.schemaType),
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0
            ? (k) => addRule.call(this, k, definition)
            : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
    }
    getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
    }
    // Remove keyword
    removeKeyword(keyword) {
        // TODO return type should be Ajv
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
            const i = group.rules.findIndex((rule) => rule.keyword === keyword);
            if (i >= 0)
                group.rules.splice(i, 1);
        }
        return this;
    }
    // Add format
    addFormat(name, format) {
        if (typeof format == "string")
            format = new RegExp(format);
        this.formats[name] = format;
        return this;
    }
    errorsText(errors = this.errors, // optional array of validation errors
    { separator = ", ", dataVar = "data" } = {} // optional options with properties `separator` and `dataVar`
    ) {
        if (!errors || errors.length === 0)
            return "No errors";
        return errors
            .map((e) => `${dataVar}${e.instancePath} ${e.message}`)
            .reduce((text, msg) => text + separator + msg);
    }
    $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
            const segments = jsonPointer.split("/").slice(1); // first segment is an empty string
            let keywords = metaSchema;
            for (const seg of segments)
                keywords = keywords[seg];
            for (const key in rules) {
                const rule = rules[key];
                if (typeof rule != "object")
                    continue;
                const { $data } = rule.definition;
                const schema = keywords[key];
                if ($data && schema)
                    keywords[key] = schemaOrData(schema);
            }
        }
        return metaSchema;
    }
    _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
            const sch = schemas[keyRef];
            if (!regex || regex.test(keyRef)) {
                if (typeof sch == "string") {
                    delete schemas[keyRef];
                }
                else if (sch && !sch.meta) {
                    this._cache.delete(sch.schema);
                    delete schemas[keyRef];
                }
            }
        }
    }
    _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
            id = schema[schemaId];
        }
        else {
            if (this.opts.jtd)
                throw new Error("schema must be object");
            else if (typeof schema != "boolean")
                throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== undefined)
            return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
            // TODO atm it is allowed to overwrite schemas without id (instead of not adding them)
            if (baseId)
                this._checkUnique(baseId);
            this.refs[baseId] = sch;
        }
        if (validateSchema)
            this.validateSchema(schema, true);
        return sch;
    }
    _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
            throw new Error(`schema with key or id "${id}" already exists`);
        }
    }
    _compileSchemaEnv(sch) {
        if (sch.meta)
            this._compileMetaSchema(sch);
        else
            compile_1.compileSchema.call(this, sch);
        /* istanbul ignore if */
        if (!sch.validate)
            throw new Error("ajv implementation error");
        return sch.validate;
    }
    _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
            compile_1.compileSchema.call(this, sch);
        }
        finally {
            this.opts = currentOpts;
        }
    }
}
Ajv.ValidationError = validation_error_1.default;
Ajv.MissingRefError = ref_error_1.default;
exports["default"] = Ajv;
function checkOptions(checkOpts, options, msg, log = "error") {
    for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
            this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
    }
}
function getSchEnv(keyRef) {
    keyRef = (0, resolve_1.normalizeId)(keyRef); // TODO tests fail without this line
    return this.schemas[keyRef] || this.refs[keyRef];
}
function addInitialSchemas() {
    const optsSchemas = this.opts.schemas;
    if (!optsSchemas)
        return;
    if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
    else
        for (const key in optsSchemas)
            this.addSchema(optsSchemas[key], key);
}
function addInitialFormats() {
    for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
            this.addFormat(name, format);
    }
}
function addInitialKeywords(defs) {
    if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
    }
    this.logger.warn("keywords option as map is deprecated, pass array");
    for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
            def.keyword = keyword;
        this.addKeyword(def);
    }
}
function getMetaSchemaOptions() {
    const metaOpts = { ...this.opts };
    for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
    return metaOpts;
}
const noLogs = { log() { }, warn() { }, error() { } };
function getLogger(logger) {
    if (logger === false)
        return noLogs;
    if (logger === undefined)
        return console;
    if (logger.log && logger.warn && logger.error)
        return logger;
    throw new Error("logger must implement log, warn and error methods");
}
const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
function checkKeyword(keyword, def) {
    const { RULES } = this;
    (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
            throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
            throw new Error(`Keyword ${kwd} has invalid name`);
    });
    if (!def)
        return;
    if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
    }
}
function addRule(keyword, definition, dataType) {
    var _a;
    const post = definition === null || definition === void 0 ? void 0 : definition.post;
    if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
    const { RULES } = this;
    let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
    if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
    }
    RULES.keywords[keyword] = true;
    if (!definition)
        return;
    const rule = {
        keyword,
        definition: {
            ...definition,
            type: (0, dataType_1.getJSONTypes)(definition.type),
            schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType),
        },
    };
    if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
    else
        ruleGroup.rules.push(rule);
    RULES.all[keyword] = rule;
    (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
}
function addBeforeRule(ruleGroup, rule, before) {
    const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
    if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
    }
    else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
    }
}
function keywordMetaschema(def) {
    let { metaSchema } = def;
    if (metaSchema === undefined)
        return;
    if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
    def.validateSchema = this.compile(metaSchema, true);
}
const $dataRef = {
    $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
};
function schemaOrData(schema) {
    return { anyOf: [schema, $dataRef] };
}
//# sourceMappingURL=core.js.map

/***/ }),

/***/ 4951:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://github.com/ajv-validator/ajv/issues/889
const equal = __nccwpck_require__(3430);
equal.code = 'require("ajv/dist/runtime/equal").default';
exports["default"] = equal;
//# sourceMappingURL=equal.js.map

/***/ }),

/***/ 6214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 6285:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const uri = __nccwpck_require__(4352);
uri.code = 'require("ajv/dist/runtime/uri").default';
exports["default"] = uri;
//# sourceMappingURL=uri.js.map

/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
class ValidationError extends Error {
    constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
    }
}
exports["default"] = ValidationError;
//# sourceMappingURL=validation_error.js.map

/***/ }),

/***/ 3448:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateAdditionalItems = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
};
const def = {
    keyword: "additionalItems",
    type: "array",
    schemaType: ["boolean", "object"],
    before: "uniqueItems",
    error,
    code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
            (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
            return;
        }
        validateAdditionalItems(cxt, items);
    },
};
function validateAdditionalItems(cxt, items) {
    const { gen, schema, data, keyword, it } = cxt;
    it.items = true;
    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
    if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._) `${len} <= ${items.length}`);
    }
    else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._) `${len} <= ${items.length}`); // TODO var
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
    }
    function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
            cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
    }
}
exports.validateAdditionalItems = validateAdditionalItems;
exports["default"] = def;
//# sourceMappingURL=additionalItems.js.map

/***/ }),

/***/ 2431:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: "must NOT have additional properties",
    params: ({ params }) => (0, codegen_1._) `{additionalProperty: ${params.additionalProperty}}`,
};
const def = {
    keyword: "additionalProperties",
    type: ["object"],
    schemaType: ["boolean", "object"],
    allowUndefined: true,
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        /* istanbul ignore if */
        if (!errsCount)
            throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
            return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
            gen.forIn("key", data, (key) => {
                if (!props.length && !patProps.length)
                    additionalPropertyCode(key);
                else
                    gen.if(isAdditional(key), () => additionalPropertyCode(key));
            });
        }
        function isAdditional(key) {
            let definedProp;
            if (props.length > 8) {
                // TODO maybe an option instead of hard-coded 8?
                const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
                definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
            }
            else if (props.length) {
                definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._) `${key} === ${p}`));
            }
            else {
                definedProp = codegen_1.nil;
            }
            if (patProps.length) {
                definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._) `${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
            }
            return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
            gen.code((0, codegen_1._) `delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
            if (opts.removeAdditional === "all" || (opts.removeAdditional && schema === false)) {
                deleteAdditional(key);
                return;
            }
            if (schema === false) {
                cxt.setParams({ additionalProperty: key });
                cxt.error();
                if (!allErrors)
                    gen.break();
                return;
            }
            if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
                const valid = gen.name("valid");
                if (opts.removeAdditional === "failing") {
                    applyAdditionalSchema(key, valid, false);
                    gen.if((0, codegen_1.not)(valid), () => {
                        cxt.reset();
                        deleteAdditional(key);
                    });
                }
                else {
                    applyAdditionalSchema(key, valid);
                    if (!allErrors)
                        gen.if((0, codegen_1.not)(valid), () => gen.break());
                }
            }
        }
        function applyAdditionalSchema(key, valid, errors) {
            const subschema = {
                keyword: "additionalProperties",
                dataProp: key,
                dataPropType: util_1.Type.Str,
            };
            if (errors === false) {
                Object.assign(subschema, {
                    compositeRule: true,
                    createErrors: false,
                    allErrors: false,
                });
            }
            cxt.subschema(subschema, valid);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=additionalProperties.js.map

/***/ }),

/***/ 9205:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: "allOf",
    schemaType: "array",
    code(cxt) {
        const { gen, schema, it } = cxt;
        /* istanbul ignore if */
        if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
            if ((0, util_1.alwaysValidSchema)(it, sch))
                return;
            const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
            cxt.ok(valid);
            cxt.mergeEvaluated(schCxt);
        });
    },
};
exports["default"] = def;
//# sourceMappingURL=allOf.js.map

/***/ }),

/***/ 9380:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const def = {
    keyword: "anyOf",
    schemaType: "array",
    trackErrors: true,
    code: code_1.validateUnion,
    error: { message: "must match a schema in anyOf" },
};
exports["default"] = def;
//# sourceMappingURL=anyOf.js.map

/***/ }),

/***/ 6182:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { min, max } }) => max === undefined
        ? (0, codegen_1.str) `must contain at least ${min} valid item(s)`
        : (0, codegen_1.str) `must contain at least ${min} and no more than ${max} valid item(s)`,
    params: ({ params: { min, max } }) => max === undefined ? (0, codegen_1._) `{minContains: ${min}}` : (0, codegen_1._) `{minContains: ${min}, maxContains: ${max}}`,
};
const def = {
    keyword: "contains",
    type: "array",
    schemaType: ["object", "boolean"],
    before: "uniqueItems",
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
            min = minContains === undefined ? 1 : minContains;
            max = maxContains;
        }
        else {
            min = 1;
        }
        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
        cxt.setParams({ min, max });
        if (max === undefined && min === 0) {
            (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
            return;
        }
        if (max !== undefined && min > max) {
            (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
            cxt.fail();
            return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
            let cond = (0, codegen_1._) `${len} >= ${min}`;
            if (max !== undefined)
                cond = (0, codegen_1._) `${cond} && ${len} <= ${max}`;
            cxt.pass(cond);
            return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === undefined && min === 1) {
            validateItems(valid, () => gen.if(valid, () => gen.break()));
        }
        else if (min === 0) {
            gen.let(valid, true);
            if (max !== undefined)
                gen.if((0, codegen_1._) `${data}.length > 0`, validateItemsWithCount);
        }
        else {
            gen.let(valid, false);
            validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
            const schValid = gen.name("_valid");
            const count = gen.let("count", 0);
            validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
            gen.forRange("i", 0, len, (i) => {
                cxt.subschema({
                    keyword: "contains",
                    dataProp: i,
                    dataPropType: util_1.Type.Num,
                    compositeRule: true,
                }, _valid);
                block();
            });
        }
        function checkLimits(count) {
            gen.code((0, codegen_1._) `${count}++`);
            if (max === undefined) {
                gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true).break());
            }
            else {
                gen.if((0, codegen_1._) `${count} > ${max}`, () => gen.assign(valid, false).break());
                if (min === 1)
                    gen.assign(valid, true);
                else
                    gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true));
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=contains.js.map

/***/ }),

/***/ 5826:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const code_1 = __nccwpck_require__(8484);
exports.error = {
    message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str) `must have ${property_ies} ${deps} when property ${property} is present`;
    },
    params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._) `{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`, // TODO change to reference
};
const def = {
    keyword: "dependencies",
    type: "object",
    schemaType: "object",
    error: exports.error,
    code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
    },
};
function splitDependencies({ schema }) {
    const propertyDeps = {};
    const schemaDeps = {};
    for (const key in schema) {
        if (key === "__proto__")
            continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
    }
    return [propertyDeps, schemaDeps];
}
function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
    const { gen, data, it } = cxt;
    if (Object.keys(propertyDeps).length === 0)
        return;
    const missing = gen.let("missing");
    for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
            continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
            property: prop,
            depsCount: deps.length,
            deps: deps.join(", "),
        });
        if (it.allErrors) {
            gen.if(hasProperty, () => {
                for (const depProp of deps) {
                    (0, code_1.checkReportMissingProp)(cxt, depProp);
                }
            });
        }
        else {
            gen.if((0, codegen_1._) `${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
        }
    }
}
exports.validatePropertyDeps = validatePropertyDeps;
function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
    const { gen, data, keyword, it } = cxt;
    const valid = gen.name("valid");
    for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
            continue;
        gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties), () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
        }, () => gen.var(valid, true) // TODO var
        );
        cxt.ok(valid);
    }
}
exports.validateSchemaDeps = validateSchemaDeps;
exports["default"] = def;
//# sourceMappingURL=dependencies.js.map

/***/ }),

/***/ 8584:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params }) => (0, codegen_1.str) `must match "${params.ifClause}" schema`,
    params: ({ params }) => (0, codegen_1._) `{failingKeyword: ${params.ifClause}}`,
};
const def = {
    keyword: "if",
    schemaType: ["object", "boolean"],
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === undefined && parentSchema.else === undefined) {
            (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
            return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
            const ifClause = gen.let("ifClause");
            cxt.setParams({ ifClause });
            gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        }
        else if (hasThen) {
            gen.if(schValid, validateClause("then"));
        }
        else {
            gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
            const schCxt = cxt.subschema({
                keyword: "if",
                compositeRule: true,
                createErrors: false,
                allErrors: false,
            }, schValid);
            cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
            return () => {
                const schCxt = cxt.subschema({ keyword }, schValid);
                gen.assign(valid, schValid);
                cxt.mergeValidEvaluated(schCxt, valid);
                if (ifClause)
                    gen.assign(ifClause, (0, codegen_1._) `${keyword}`);
                else
                    cxt.setParams({ ifClause: keyword });
            };
        }
    },
};
function hasSchema(it, keyword) {
    const schema = it.schema[keyword];
    return schema !== undefined && !(0, util_1.alwaysValidSchema)(it, schema);
}
exports["default"] = def;
//# sourceMappingURL=if.js.map

/***/ }),

/***/ 8775:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const additionalItems_1 = __nccwpck_require__(3448);
const prefixItems_1 = __nccwpck_require__(6467);
const items_1 = __nccwpck_require__(5791);
const items2020_1 = __nccwpck_require__(2959);
const contains_1 = __nccwpck_require__(6182);
const dependencies_1 = __nccwpck_require__(5826);
const propertyNames_1 = __nccwpck_require__(1372);
const additionalProperties_1 = __nccwpck_require__(2431);
const properties_1 = __nccwpck_require__(8778);
const patternProperties_1 = __nccwpck_require__(664);
const not_1 = __nccwpck_require__(8350);
const anyOf_1 = __nccwpck_require__(9380);
const oneOf_1 = __nccwpck_require__(2490);
const allOf_1 = __nccwpck_require__(9205);
const if_1 = __nccwpck_require__(8584);
const thenElse_1 = __nccwpck_require__(6829);
function getApplicator(draft2020 = false) {
    const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default,
    ];
    // array
    if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
    else
        applicator.push(additionalItems_1.default, items_1.default);
    applicator.push(contains_1.default);
    return applicator;
}
exports["default"] = getApplicator;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 5791:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateTuple = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const code_1 = __nccwpck_require__(8484);
const def = {
    keyword: "items",
    type: "array",
    schemaType: ["object", "array", "boolean"],
    before: "uniqueItems",
    code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
            return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        cxt.ok((0, code_1.validateArray)(cxt));
    },
};
function validateTuple(cxt, extraItems, schArr = cxt.schema) {
    const { gen, parentSchema, data, keyword, it } = cxt;
    checkStrictTuple(parentSchema);
    if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
    }
    const valid = gen.name("valid");
    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
    schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
        gen.if((0, codegen_1._) `${len} > ${i}`, () => cxt.subschema({
            keyword,
            schemaProp: i,
            dataProp: i,
        }, valid));
        cxt.ok(valid);
    });
    function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
            const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
            (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
    }
}
exports.validateTuple = validateTuple;
exports["default"] = def;
//# sourceMappingURL=items.js.map

/***/ }),

/***/ 2959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const code_1 = __nccwpck_require__(8484);
const additionalItems_1 = __nccwpck_require__(3448);
const error = {
    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
};
const def = {
    keyword: "items",
    type: "array",
    schemaType: ["object", "boolean"],
    before: "uniqueItems",
    error,
    code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        if (prefixItems)
            (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
            cxt.ok((0, code_1.validateArray)(cxt));
    },
};
exports["default"] = def;
//# sourceMappingURL=items2020.js.map

/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: "not",
    schemaType: ["object", "boolean"],
    trackErrors: true,
    code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
            cxt.fail();
            return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
            keyword: "not",
            compositeRule: true,
            createErrors: false,
            allErrors: false,
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
    },
    error: { message: "must NOT be valid" },
};
exports["default"] = def;
//# sourceMappingURL=not.js.map

/***/ }),

/***/ 2490:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: "must match exactly one schema in oneOf",
    params: ({ params }) => (0, codegen_1._) `{passingSchemas: ${params.passing}}`,
};
const def = {
    keyword: "oneOf",
    schemaType: "array",
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        /* istanbul ignore if */
        if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
            return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        // TODO possibly fail straight away (with warning or exception) if there are two empty always valid schemas
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
            schArr.forEach((sch, i) => {
                let schCxt;
                if ((0, util_1.alwaysValidSchema)(it, sch)) {
                    gen.var(schValid, true);
                }
                else {
                    schCxt = cxt.subschema({
                        keyword: "oneOf",
                        schemaProp: i,
                        compositeRule: true,
                    }, schValid);
                }
                if (i > 0) {
                    gen
                        .if((0, codegen_1._) `${schValid} && ${valid}`)
                        .assign(valid, false)
                        .assign(passing, (0, codegen_1._) `[${passing}, ${i}]`)
                        .else();
                }
                gen.if(schValid, () => {
                    gen.assign(valid, true);
                    gen.assign(passing, i);
                    if (schCxt)
                        cxt.mergeEvaluated(schCxt, codegen_1.Name);
                });
            });
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=oneOf.js.map

/***/ }),

/***/ 664:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const util_2 = __nccwpck_require__(4464);
const def = {
    keyword: "patternProperties",
    type: "object",
    schemaType: "object",
    code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 ||
            (alwaysValidPatterns.length === patterns.length &&
                (!it.opts.unevaluated || it.props === true))) {
            return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
            it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
            for (const pat of patterns) {
                if (checkProperties)
                    checkMatchingProperties(pat);
                if (it.allErrors) {
                    validateProperties(pat);
                }
                else {
                    gen.var(valid, true); // TODO var
                    validateProperties(pat);
                    gen.if(valid);
                }
            }
        }
        function checkMatchingProperties(pat) {
            for (const prop in checkProperties) {
                if (new RegExp(pat).test(prop)) {
                    (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
                }
            }
        }
        function validateProperties(pat) {
            gen.forIn("key", data, (key) => {
                gen.if((0, codegen_1._) `${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
                    const alwaysValid = alwaysValidPatterns.includes(pat);
                    if (!alwaysValid) {
                        cxt.subschema({
                            keyword: "patternProperties",
                            schemaProp: pat,
                            dataProp: key,
                            dataPropType: util_2.Type.Str,
                        }, valid);
                    }
                    if (it.opts.unevaluated && props !== true) {
                        gen.assign((0, codegen_1._) `${props}[${key}]`, true);
                    }
                    else if (!alwaysValid && !it.allErrors) {
                        // can short-circuit if `unevaluatedProperties` is not supported (opts.next === false)
                        // or if all properties were evaluated (props === true)
                        gen.if((0, codegen_1.not)(valid), () => gen.break());
                    }
                });
            });
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=patternProperties.js.map

/***/ }),

/***/ 6467:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const items_1 = __nccwpck_require__(5791);
const def = {
    keyword: "prefixItems",
    type: "array",
    schemaType: ["array"],
    before: "uniqueItems",
    code: (cxt) => (0, items_1.validateTuple)(cxt, "items"),
};
exports["default"] = def;
//# sourceMappingURL=prefixItems.js.map

/***/ }),

/***/ 8778:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const validate_1 = __nccwpck_require__(7881);
const code_1 = __nccwpck_require__(8484);
const util_1 = __nccwpck_require__(4464);
const additionalProperties_1 = __nccwpck_require__(2431);
const def = {
    keyword: "properties",
    type: "object",
    schemaType: "object",
    code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === undefined) {
            additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
            it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
            it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
            return;
        const valid = gen.name("valid");
        for (const prop of properties) {
            if (hasDefault(prop)) {
                applyPropertySchema(prop);
            }
            else {
                gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
                applyPropertySchema(prop);
                if (!it.allErrors)
                    gen.else().var(valid, true);
                gen.endIf();
            }
            cxt.it.definedProperties.add(prop);
            cxt.ok(valid);
        }
        function hasDefault(prop) {
            return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== undefined;
        }
        function applyPropertySchema(prop) {
            cxt.subschema({
                keyword: "properties",
                schemaProp: prop,
                dataProp: prop,
            }, valid);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=properties.js.map

/***/ }),

/***/ 1372:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: "property name must be valid",
    params: ({ params }) => (0, codegen_1._) `{propertyName: ${params.propertyName}}`,
};
const def = {
    keyword: "propertyNames",
    type: "object",
    schemaType: ["object", "boolean"],
    error,
    code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
            cxt.setParams({ propertyName: key });
            cxt.subschema({
                keyword: "propertyNames",
                data: key,
                dataTypes: ["string"],
                propertyName: key,
                compositeRule: true,
            }, valid);
            gen.if((0, codegen_1.not)(valid), () => {
                cxt.error(true);
                if (!it.allErrors)
                    gen.break();
            });
        });
        cxt.ok(valid);
    },
};
exports["default"] = def;
//# sourceMappingURL=propertyNames.js.map

/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: ["then", "else"],
    schemaType: ["object", "boolean"],
    code({ keyword, parentSchema, it }) {
        if (parentSchema.if === undefined)
            (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
    },
};
exports["default"] = def;
//# sourceMappingURL=thenElse.js.map

/***/ }),

/***/ 8484:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const names_1 = __nccwpck_require__(630);
const util_2 = __nccwpck_require__(4464);
function checkReportMissingProp(cxt, prop) {
    const { gen, data, it } = cxt;
    gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._) `${prop}` }, true);
        cxt.error();
    });
}
exports.checkReportMissingProp = checkReportMissingProp;
function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
    return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._) `${missing} = ${prop}`)));
}
exports.checkMissingProp = checkMissingProp;
function reportMissingProp(cxt, missing) {
    cxt.setParams({ missingProperty: missing }, true);
    cxt.error();
}
exports.reportMissingProp = reportMissingProp;
function hasPropFunc(gen) {
    return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._) `Object.prototype.hasOwnProperty`,
    });
}
exports.hasPropFunc = hasPropFunc;
function isOwnProperty(gen, data, property) {
    return (0, codegen_1._) `${hasPropFunc(gen)}.call(${data}, ${property})`;
}
exports.isOwnProperty = isOwnProperty;
function propertyInData(gen, data, property, ownProperties) {
    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
    return ownProperties ? (0, codegen_1._) `${cond} && ${isOwnProperty(gen, data, property)}` : cond;
}
exports.propertyInData = propertyInData;
function noPropertyInData(gen, data, property, ownProperties) {
    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} === undefined`;
    return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
}
exports.noPropertyInData = noPropertyInData;
function allSchemaProperties(schemaMap) {
    return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
}
exports.allSchemaProperties = allSchemaProperties;
function schemaProperties(it, schemaMap) {
    return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
}
exports.schemaProperties = schemaProperties;
function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
    const dataAndSchema = passSchema ? (0, codegen_1._) `${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
    const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData],
    ];
    if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
    const args = (0, codegen_1._) `${dataAndSchema}, ${gen.object(...valCxt)}`;
    return context !== codegen_1.nil ? (0, codegen_1._) `${func}.call(${context}, ${args})` : (0, codegen_1._) `${func}(${args})`;
}
exports.callValidateCode = callValidateCode;
const newRegExp = (0, codegen_1._) `new RegExp`;
function usePattern({ gen, it: { opts } }, pattern) {
    const u = opts.unicodeRegExp ? "u" : "";
    const { regExp } = opts.code;
    const rx = regExp(pattern, u);
    return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._) `${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`,
    });
}
exports.usePattern = usePattern;
function validateArray(cxt) {
    const { gen, data, keyword, it } = cxt;
    const valid = gen.name("valid");
    if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
    }
    gen.var(valid, true);
    validateItems(() => gen.break());
    return valid;
    function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
        gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
                keyword,
                dataProp: i,
                dataPropType: util_1.Type.Num,
            }, valid);
            gen.if((0, codegen_1.not)(valid), notValid);
        });
    }
}
exports.validateArray = validateArray;
function validateUnion(cxt) {
    const { gen, schema, keyword, it } = cxt;
    /* istanbul ignore if */
    if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
    const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
    if (alwaysValid && !it.opts.unevaluated)
        return;
    const valid = gen.let("valid", false);
    const schValid = gen.name("_valid");
    gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
            keyword,
            schemaProp: i,
            compositeRule: true,
        }, schValid);
        gen.assign(valid, (0, codegen_1._) `${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        // can short-circuit if `unevaluatedProperties/Items` not supported (opts.unevaluated !== true)
        // or if all properties and items were evaluated (it.props === true && it.items === true)
        if (!merged)
            gen.if((0, codegen_1.not)(valid));
    }));
    cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
}
exports.validateUnion = validateUnion;
//# sourceMappingURL=code.js.map

/***/ }),

/***/ 9872:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const def = {
    keyword: "id",
    code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
    },
};
exports["default"] = def;
//# sourceMappingURL=id.js.map

/***/ }),

/***/ 7397:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const id_1 = __nccwpck_require__(9872);
const ref_1 = __nccwpck_require__(2996);
const core = [
    "$schema",
    "$id",
    "$defs",
    "$vocabulary",
    { keyword: "$comment" },
    "definitions",
    id_1.default,
    ref_1.default,
];
exports["default"] = core;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 2996:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.callRef = exports.getValidate = void 0;
const ref_error_1 = __nccwpck_require__(3162);
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const names_1 = __nccwpck_require__(630);
const compile_1 = __nccwpck_require__(2718);
const util_1 = __nccwpck_require__(4464);
const def = {
    keyword: "$ref",
    schemaType: "string",
    code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
            return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === undefined)
            throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
            return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
            if (env === root)
                return callRef(cxt, validateName, env, env.$async);
            const rootName = gen.scopeValue("root", { ref: root });
            return callRef(cxt, (0, codegen_1._) `${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
            const v = getValidate(cxt, sch);
            callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
            const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
            const valid = gen.name("valid");
            const schCxt = cxt.subschema({
                schema: sch,
                dataTypes: [],
                schemaPath: codegen_1.nil,
                topSchemaRef: schName,
                errSchemaPath: $ref,
            }, valid);
            cxt.mergeEvaluated(schCxt);
            cxt.ok(valid);
        }
    },
};
function getValidate(cxt, sch) {
    const { gen } = cxt;
    return sch.validate
        ? gen.scopeValue("validate", { ref: sch.validate })
        : (0, codegen_1._) `${gen.scopeValue("wrapper", { ref: sch })}.validate`;
}
exports.getValidate = getValidate;
function callRef(cxt, v, sch, $async) {
    const { gen, it } = cxt;
    const { allErrors, schemaEnv: env, opts } = it;
    const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
    if ($async)
        callAsyncRef();
    else
        callSyncRef();
    function callAsyncRef() {
        if (!env.$async)
            throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
            gen.code((0, codegen_1._) `await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
            addEvaluatedFrom(v); // TODO will not work with async, it has to be returned with the result
            if (!allErrors)
                gen.assign(valid, true);
        }, (e) => {
            gen.if((0, codegen_1._) `!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
            addErrorsFrom(e);
            if (!allErrors)
                gen.assign(valid, false);
        });
        cxt.ok(valid);
    }
    function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
    }
    function addErrorsFrom(source) {
        const errs = (0, codegen_1._) `${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`); // TODO tagged
        gen.assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
    }
    function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
            return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        // TODO refactor
        if (it.props !== true) {
            if (schEvaluated && !schEvaluated.dynamicProps) {
                if (schEvaluated.props !== undefined) {
                    it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
                }
            }
            else {
                const props = gen.var("props", (0, codegen_1._) `${source}.evaluated.props`);
                it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
            }
        }
        if (it.items !== true) {
            if (schEvaluated && !schEvaluated.dynamicItems) {
                if (schEvaluated.items !== undefined) {
                    it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
                }
            }
            else {
                const items = gen.var("items", (0, codegen_1._) `${source}.evaluated.items`);
                it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
            }
        }
    }
}
exports.callRef = callRef;
exports["default"] = def;
//# sourceMappingURL=ref.js.map

/***/ }),

/***/ 8886:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const types_1 = __nccwpck_require__(7115);
const compile_1 = __nccwpck_require__(2718);
const ref_error_1 = __nccwpck_require__(3162);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag
        ? `tag "${tagName}" must be string`
        : `value of tag "${tagName}" must be in oneOf`,
    params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._) `{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`,
};
const def = {
    keyword: "discriminator",
    type: "object",
    schemaType: "object",
    error,
    code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
            throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
            throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
            throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
            throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._) `typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
            const mapping = getMapping();
            gen.if(false);
            for (const tagValue in mapping) {
                gen.elseIf((0, codegen_1._) `${tag} === ${tagValue}`);
                gen.assign(valid, applyTagSchema(mapping[tagValue]));
            }
            gen.else();
            cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
            gen.endIf();
        }
        function applyTagSchema(schemaProp) {
            const _valid = gen.name("valid");
            const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
            cxt.mergeEvaluated(schCxt, codegen_1.Name);
            return _valid;
        }
        function getMapping() {
            var _a;
            const oneOfMapping = {};
            const topRequired = hasRequired(parentSchema);
            let tagRequired = true;
            for (let i = 0; i < oneOf.length; i++) {
                let sch = oneOf[i];
                if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
                    const ref = sch.$ref;
                    sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
                    if (sch instanceof compile_1.SchemaEnv)
                        sch = sch.schema;
                    if (sch === undefined)
                        throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
                }
                const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
                if (typeof propSch != "object") {
                    throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
                }
                tagRequired = tagRequired && (topRequired || hasRequired(sch));
                addMappings(propSch, i);
            }
            if (!tagRequired)
                throw new Error(`discriminator: "${tagName}" must be required`);
            return oneOfMapping;
            function hasRequired({ required }) {
                return Array.isArray(required) && required.includes(tagName);
            }
            function addMappings(sch, i) {
                if (sch.const) {
                    addMapping(sch.const, i);
                }
                else if (sch.enum) {
                    for (const tagValue of sch.enum) {
                        addMapping(tagValue, i);
                    }
                }
                else {
                    throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
                }
            }
            function addMapping(tagValue, i) {
                if (typeof tagValue != "string" || tagValue in oneOfMapping) {
                    throw new Error(`discriminator: "${tagName}" values must be unique strings`);
                }
                oneOfMapping[tagValue] = i;
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 7115:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiscrError = void 0;
var DiscrError;
(function (DiscrError) {
    DiscrError["Tag"] = "tag";
    DiscrError["Mapping"] = "mapping";
})(DiscrError || (exports.DiscrError = DiscrError = {}));
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 9941:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const core_1 = __nccwpck_require__(7397);
const validation_1 = __nccwpck_require__(5481);
const applicator_1 = __nccwpck_require__(8775);
const format_1 = __nccwpck_require__(2601);
const metadata_1 = __nccwpck_require__(6620);
const draft7Vocabularies = [
    core_1.default,
    validation_1.default,
    (0, applicator_1.default)(),
    format_1.default,
    metadata_1.metadataVocabulary,
    metadata_1.contentVocabulary,
];
exports["default"] = draft7Vocabularies;
//# sourceMappingURL=draft7.js.map

/***/ }),

/***/ 6402:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must match format "${schemaCode}"`,
    params: ({ schemaCode }) => (0, codegen_1._) `{format: ${schemaCode}}`,
};
const def = {
    keyword: "format",
    type: ["number", "string"],
    schemaType: "string",
    $data: true,
    error,
    code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
            return;
        if ($data)
            validate$DataFormat();
        else
            validateFormat();
        function validate$DataFormat() {
            const fmts = gen.scopeValue("formats", {
                ref: self.formats,
                code: opts.code.formats,
            });
            const fDef = gen.const("fDef", (0, codegen_1._) `${fmts}[${schemaCode}]`);
            const fType = gen.let("fType");
            const format = gen.let("format");
            // TODO simplify
            gen.if((0, codegen_1._) `typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._) `${fDef}.type || "string"`).assign(format, (0, codegen_1._) `${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._) `"string"`).assign(format, fDef));
            cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
            function unknownFmt() {
                if (opts.strictSchema === false)
                    return codegen_1.nil;
                return (0, codegen_1._) `${schemaCode} && !${format}`;
            }
            function invalidFmt() {
                const callFormat = schemaEnv.$async
                    ? (0, codegen_1._) `(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))`
                    : (0, codegen_1._) `${format}(${data})`;
                const validData = (0, codegen_1._) `(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
                return (0, codegen_1._) `${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
            }
        }
        function validateFormat() {
            const formatDef = self.formats[schema];
            if (!formatDef) {
                unknownFormat();
                return;
            }
            if (formatDef === true)
                return;
            const [fmtType, format, fmtRef] = getFormat(formatDef);
            if (fmtType === ruleType)
                cxt.pass(validCondition());
            function unknownFormat() {
                if (opts.strictSchema === false) {
                    self.logger.warn(unknownMsg());
                    return;
                }
                throw new Error(unknownMsg());
                function unknownMsg() {
                    return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
                }
            }
            function getFormat(fmtDef) {
                const code = fmtDef instanceof RegExp
                    ? (0, codegen_1.regexpCode)(fmtDef)
                    : opts.code.formats
                        ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(schema)}`
                        : undefined;
                const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
                if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
                    return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._) `${fmt}.validate`];
                }
                return ["string", fmtDef, fmt];
            }
            function validCondition() {
                if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
                    if (!schemaEnv.$async)
                        throw new Error("async format in sync schema");
                    return (0, codegen_1._) `await ${fmtRef}(${data})`;
                }
                return typeof format == "function" ? (0, codegen_1._) `${fmtRef}(${data})` : (0, codegen_1._) `${fmtRef}.test(${data})`;
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=format.js.map

/***/ }),

/***/ 2601:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const format_1 = __nccwpck_require__(6402);
const format = [format_1.default];
exports["default"] = format;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 6620:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.contentVocabulary = exports.metadataVocabulary = void 0;
exports.metadataVocabulary = [
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
];
exports.contentVocabulary = [
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
];
//# sourceMappingURL=metadata.js.map

/***/ }),

/***/ 8026:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const equal_1 = __nccwpck_require__(4951);
const error = {
    message: "must be equal to constant",
    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValue: ${schemaCode}}`,
};
const def = {
    keyword: "const",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || (schema && typeof schema == "object")) {
            cxt.fail$data((0, codegen_1._) `!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        }
        else {
            cxt.fail((0, codegen_1._) `${schema} !== ${data}`);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=const.js.map

/***/ }),

/***/ 3200:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const equal_1 = __nccwpck_require__(4951);
const error = {
    message: "must be equal to one of the allowed values",
    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValues: ${schemaCode}}`,
};
const def = {
    keyword: "enum",
    schemaType: "array",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
            throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => (eql !== null && eql !== void 0 ? eql : (eql = (0, util_1.useFunc)(gen, equal_1.default)));
        let valid;
        if (useLoop || $data) {
            valid = gen.let("valid");
            cxt.block$data(valid, loopEnum);
        }
        else {
            /* istanbul ignore if */
            if (!Array.isArray(schema))
                throw new Error("ajv implementation error");
            const vSchema = gen.const("vSchema", schemaCode);
            valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
            gen.assign(valid, false);
            gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._) `${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
            const sch = schema[i];
            return typeof sch === "object" && sch !== null
                ? (0, codegen_1._) `${getEql()}(${data}, ${vSchema}[${i}])`
                : (0, codegen_1._) `${data} === ${sch}`;
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=enum.js.map

/***/ }),

/***/ 5481:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const limitNumber_1 = __nccwpck_require__(3723);
const multipleOf_1 = __nccwpck_require__(8132);
const limitLength_1 = __nccwpck_require__(6962);
const pattern_1 = __nccwpck_require__(6023);
const limitProperties_1 = __nccwpck_require__(895);
const required_1 = __nccwpck_require__(4504);
const limitItems_1 = __nccwpck_require__(6296);
const uniqueItems_1 = __nccwpck_require__(5132);
const const_1 = __nccwpck_require__(8026);
const enum_1 = __nccwpck_require__(3200);
const validation = [
    // number
    limitNumber_1.default,
    multipleOf_1.default,
    // string
    limitLength_1.default,
    pattern_1.default,
    // object
    limitProperties_1.default,
    required_1.default,
    // array
    limitItems_1.default,
    uniqueItems_1.default,
    // any
    { keyword: "type", schemaType: ["string", "array"] },
    { keyword: "nullable", schemaType: "boolean" },
    const_1.default,
    enum_1.default,
];
exports["default"] = validation;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 6296:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} items`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxItems", "minItems"],
    type: "array",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._) `${data}.length ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitItems.js.map

/***/ }),

/***/ 6962:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const ucs2length_1 = __nccwpck_require__(6214);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} characters`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxLength", "minLength"],
    type: "string",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._) `${data}.length` : (0, codegen_1._) `${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._) `${len} ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitLength.js.map

/***/ }),

/***/ 3723:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const ops = codegen_1.operators;
const KWDs = {
    maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
    minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
    exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
    exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
};
const error = {
    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `must be ${KWDs[keyword].okStr} ${schemaCode}`,
    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
};
const def = {
    keyword: Object.keys(KWDs),
    type: "number",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._) `${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitNumber.js.map

/***/ }),

/***/ 895:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} properties`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxProperties", "minProperties"],
    type: "object",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._) `Object.keys(${data}).length ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitProperties.js.map

/***/ }),

/***/ 8132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => (0, codegen_1._) `{multipleOf: ${schemaCode}}`,
};
const def = {
    keyword: "multipleOf",
    type: "number",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        // const bdt = bad$DataType(schemaCode, <string>def.schemaType, $data)
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec
            ? (0, codegen_1._) `Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}`
            : (0, codegen_1._) `${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._) `(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
    },
};
exports["default"] = def;
//# sourceMappingURL=multipleOf.js.map

/***/ }),

/***/ 6023:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const util_1 = __nccwpck_require__(4464);
const codegen_1 = __nccwpck_require__(1436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must match pattern "${schemaCode}"`,
    params: ({ schemaCode }) => (0, codegen_1._) `{pattern: ${schemaCode}}`,
};
const def = {
    keyword: "pattern",
    type: "string",
    schemaType: "string",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
            const { regExp } = it.opts.code;
            const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._) `new RegExp` : (0, util_1.useFunc)(gen, regExp);
            const valid = gen.let("valid");
            gen.try(() => gen.assign(valid, (0, codegen_1._) `${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
            cxt.fail$data((0, codegen_1._) `!${valid}`);
        }
        else {
            const regExp = (0, code_1.usePattern)(cxt, schema);
            cxt.fail$data((0, codegen_1._) `!${regExp}.test(${data})`);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=pattern.js.map

/***/ }),

/***/ 4504:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(8484);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const error = {
    message: ({ params: { missingProperty } }) => (0, codegen_1.str) `must have required property '${missingProperty}'`,
    params: ({ params: { missingProperty } }) => (0, codegen_1._) `{missingProperty: ${missingProperty}}`,
};
const def = {
    keyword: "required",
    type: "object",
    schemaType: "array",
    $data: true,
    error,
    code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
            return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
            allErrorsMode();
        else
            exitOnErrorMode();
        if (opts.strictRequired) {
            const props = cxt.parentSchema.properties;
            const { definedProperties } = cxt.it;
            for (const requiredKey of schema) {
                if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === undefined && !definedProperties.has(requiredKey)) {
                    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
                    const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
                    (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
                }
            }
        }
        function allErrorsMode() {
            if (useLoop || $data) {
                cxt.block$data(codegen_1.nil, loopAllRequired);
            }
            else {
                for (const prop of schema) {
                    (0, code_1.checkReportMissingProp)(cxt, prop);
                }
            }
        }
        function exitOnErrorMode() {
            const missing = gen.let("missing");
            if (useLoop || $data) {
                const valid = gen.let("valid", true);
                cxt.block$data(valid, () => loopUntilMissing(missing, valid));
                cxt.ok(valid);
            }
            else {
                gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
                (0, code_1.reportMissingProp)(cxt, missing);
                gen.else();
            }
        }
        function loopAllRequired() {
            gen.forOf("prop", schemaCode, (prop) => {
                cxt.setParams({ missingProperty: prop });
                gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
            });
        }
        function loopUntilMissing(missing, valid) {
            cxt.setParams({ missingProperty: missing });
            gen.forOf(missing, schemaCode, () => {
                gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
                gen.if((0, codegen_1.not)(valid), () => {
                    cxt.error();
                    gen.break();
                });
            }, codegen_1.nil);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=required.js.map

/***/ }),

/***/ 5132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const dataType_1 = __nccwpck_require__(6685);
const codegen_1 = __nccwpck_require__(1436);
const util_1 = __nccwpck_require__(4464);
const equal_1 = __nccwpck_require__(4951);
const error = {
    message: ({ params: { i, j } }) => (0, codegen_1.str) `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
    params: ({ params: { i, j } }) => (0, codegen_1._) `{i: ${i}, j: ${j}}`,
};
const def = {
    keyword: "uniqueItems",
    type: "array",
    schemaType: "boolean",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
            return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._) `${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
            const i = gen.let("i", (0, codegen_1._) `${data}.length`);
            const j = gen.let("j");
            cxt.setParams({ i, j });
            gen.assign(valid, true);
            gen.if((0, codegen_1._) `${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
            return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
            const item = gen.name("item");
            const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
            const indices = gen.const("indices", (0, codegen_1._) `{}`);
            gen.for((0, codegen_1._) `;${i}--;`, () => {
                gen.let(item, (0, codegen_1._) `${data}[${i}]`);
                gen.if(wrongType, (0, codegen_1._) `continue`);
                if (itemTypes.length > 1)
                    gen.if((0, codegen_1._) `typeof ${item} == "string"`, (0, codegen_1._) `${item} += "_"`);
                gen
                    .if((0, codegen_1._) `typeof ${indices}[${item}] == "number"`, () => {
                    gen.assign(j, (0, codegen_1._) `${indices}[${item}]`);
                    cxt.error();
                    gen.assign(valid, false).break();
                })
                    .code((0, codegen_1._) `${indices}[${item}] = ${i}`);
            });
        }
        function loopN2(i, j) {
            const eql = (0, util_1.useFunc)(gen, equal_1.default);
            const outer = gen.name("outer");
            gen.label(outer).for((0, codegen_1._) `;${i}--;`, () => gen.for((0, codegen_1._) `${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._) `${eql}(${data}[${i}], ${data}[${j}])`, () => {
                cxt.error();
                gen.assign(valid, false).break(outer);
            })));
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=uniqueItems.js.map

/***/ }),

/***/ 3430:
/***/ ((module) => {



// do not edit .js files directly - edit src/index.jst



module.exports = function equal(a, b) {
  if (a === b) return true;

  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;

    var length, i, keys;
    if (Array.isArray(a)) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0;)
        if (!equal(a[i], b[i])) return false;
      return true;
    }



    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

    keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;

    for (i = length; i-- !== 0;)
      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

    for (i = length; i-- !== 0;) {
      var key = keys[i];

      if (!equal(a[key], b[key])) return false;
    }

    return true;
  }

  // true if both NaN, false otherwise
  return a!==a && b!==b;
};


/***/ }),

/***/ 1167:
/***/ ((module) => {



var traverse = module.exports = function (schema, opts, cb) {
  // Legacy support for v0.3.1 and earlier.
  if (typeof opts == 'function') {
    cb = opts;
    opts = {};
  }

  cb = opts.cb || cb;
  var pre = (typeof cb == 'function') ? cb : cb.pre || function() {};
  var post = cb.post || function() {};

  _traverse(opts, pre, post, schema, '', schema);
};


traverse.keywords = {
  additionalItems: true,
  items: true,
  contains: true,
  additionalProperties: true,
  propertyNames: true,
  not: true,
  if: true,
  then: true,
  else: true
};

traverse.arrayKeywords = {
  items: true,
  allOf: true,
  anyOf: true,
  oneOf: true
};

traverse.propsKeywords = {
  $defs: true,
  definitions: true,
  properties: true,
  patternProperties: true,
  dependencies: true
};

traverse.skipKeywords = {
  default: true,
  enum: true,
  const: true,
  required: true,
  maximum: true,
  minimum: true,
  exclusiveMaximum: true,
  exclusiveMinimum: true,
  multipleOf: true,
  maxLength: true,
  minLength: true,
  pattern: true,
  format: true,
  maxItems: true,
  minItems: true,
  uniqueItems: true,
  maxProperties: true,
  minProperties: true
};


function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
  if (schema && typeof schema == 'object' && !Array.isArray(schema)) {
    pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
    for (var key in schema) {
      var sch = schema[key];
      if (Array.isArray(sch)) {
        if (key in traverse.arrayKeywords) {
          for (var i=0; i<sch.length; i++)
            _traverse(opts, pre, post, sch[i], jsonPtr + '/' + key + '/' + i, rootSchema, jsonPtr, key, schema, i);
        }
      } else if (key in traverse.propsKeywords) {
        if (sch && typeof sch == 'object') {
          for (var prop in sch)
            _traverse(opts, pre, post, sch[prop], jsonPtr + '/' + key + '/' + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
        }
      } else if (key in traverse.keywords || (opts.allKeys && !(key in traverse.skipKeywords))) {
        _traverse(opts, pre, post, sch, jsonPtr + '/' + key, rootSchema, jsonPtr, key, schema);
      }
    }
    post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
  }
}


function escapeJsonPtr(str) {
  return str.replace(/~/g, '~0').replace(/\//g, '~1');
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 4352:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = __nccwpck_require__(5077)
const { SCHEMES, getSchemeHandler } = __nccwpck_require__(5300)

const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u
const MALFORMED_SCHEME_ERROR = 'URI scheme is malformed.'
const MALFORMED_HOST_ERROR = 'URI host is malformed.'
// ASCII characters outside the RFC 3986 reg-name set (unreserved, sub-delims
// and "%" for pct-encoded): C0 controls, space, DEL, and "#/:<>?@[\]^`{|}.
const FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u

/**
 * RFC 3986 section 3.1 does not allow percent-encoding in a scheme, so the
 * scheme is validated as-is and never decoded. Decoding would let inert input
 * such as `%6Aavascript:` become a live `javascript:` scheme.
 *
 * @param {string} scheme
 * @returns {string}
 */
function validateScheme (scheme) {
  const stringScheme = String(scheme)
  if (!VALID_SCHEME.test(stringScheme)) {
    throw new TypeError(MALFORMED_SCHEME_ERROR)
  }
  return stringScheme
}

/**
 * @template {import('./types/index').URIComponent|string} T
 * @param {T} uri
 * @param {import('./types/index').Options} [options]
 * @returns {T}
 */
function normalize (uri, options) {
  if (typeof uri === 'string') {
    uri = /** @type {T} */ (normalizeString(uri, options))
  } else if (typeof uri === 'object') {
    uri = /** @type {T} */ (parse(serialize(uri, options), options))
  }
  return uri
}

/**
 * @param {string} baseURI
 * @param {string} relativeURI
 * @param {import('./types/index').Options} [options]
 * @returns {string}
 */
function resolve (baseURI, relativeURI, options) {
  const schemelessOptions = options ? Object.assign({ scheme: 'null' }, options) : { scheme: 'null' }
  const {
    parsed: baseParsed,
    malformedAuthorityOrPort: baseMalformed,
    malformedPercentEncoding: baseMalformedPercentEncoding,
    malformedSchemeSpecific: baseMalformedSchemeSpecific,
    malformedHost: baseMalformedHost,
    malformedScheme: baseMalformedScheme
  } = parseWithStatus(baseURI, schemelessOptions)
  const {
    parsed: relativeParsed,
    malformedAuthorityOrPort: relativeMalformed,
    malformedPercentEncoding: relativeMalformedPercentEncoding,
    malformedSchemeSpecific: relativeMalformedSchemeSpecific,
    malformedHost: relativeMalformedHost,
    malformedScheme: relativeMalformedScheme
  } = parseWithStatus(relativeURI, schemelessOptions)
  if (
    baseMalformed ||
    relativeMalformed ||
    baseMalformedPercentEncoding ||
    relativeMalformedPercentEncoding ||
    baseMalformedSchemeSpecific ||
    relativeMalformedSchemeSpecific ||
    baseMalformedHost ||
    relativeMalformedHost ||
    baseMalformedScheme ||
    relativeMalformedScheme
  ) {
    throw new Error(baseParsed.error || relativeParsed.error || 'URI is malformed.')
  }
  const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true)
  const resolvedSchemeHandler = getSchemeHandler((options && options.scheme) || resolved.scheme)
  const resolvedHost = resolved.host
  const resolvedHostIsIP = resolvedHost !== undefined && resolvedHost !== '' &&
    (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6)
  // Inputs are parsed scheme-neutrally, so delimiters and controls in a domain
  // host are only detected here, once the final scheme is known. They always
  // fail closed, including in percent-encoded hosts.
  if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
    throw new Error(MALFORMED_HOST_ERROR)
  }
  canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)
  // Percent escapes in an ASCII reg-name are encoded data. The WHATWG hostname
  // parser can reject them even though fast-uri preserves them safely as RFC
  // 3986 data. A raw non-ASCII host must still fail closed if conversion fails.
  const encodedASCIIHost = resolvedHost && resolvedHost.indexOf('%') !== -1 &&
    !/\P{ASCII}/u.test(resolvedHost)
  if (resolved.error && !encodedASCIIHost) {
    throw new Error(resolved.error)
  }
  schemelessOptions.skipEscape = true
  return serialize(resolved, schemelessOptions)
}

/**
 * @param {import ('./types/index').URIComponent} base
 * @param {import ('./types/index').URIComponent} relative
 * @param {import('./types/index').Options} [options]
 * @param {boolean} [skipNormalization=false]
 * @returns {import ('./types/index').URIComponent}
 */
function resolveComponent (base, relative, options, skipNormalization) {
  /** @type {import('./types/index').URIComponent} */
  const target = {}
  if (!skipNormalization) {
    base = parse(serialize(base, options), options) // normalize base component
    relative = parse(serialize(relative, options), options) // normalize relative component
  }
  options = options || {}

  if (!options.tolerant && relative.scheme) {
    target.scheme = relative.scheme
    // target.authority = relative.authority;
    target.userinfo = relative.userinfo
    target.host = relative.host
    target.port = relative.port
    target.path = removeDotSegments(relative.path || '')
    target.query = relative.query
  } else {
    if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
      // target.authority = relative.authority;
      target.userinfo = relative.userinfo
      target.host = relative.host
      target.port = relative.port
      target.path = removeDotSegments(relative.path || '')
      target.query = relative.query
    } else {
      if (!relative.path) {
        target.path = base.path
        if (relative.query !== undefined) {
          target.query = relative.query
        } else {
          target.query = base.query
        }
      } else {
        if (relative.path[0] === '/') {
          target.path = removeDotSegments(relative.path)
        } else {
          const baseHasAuthority = base.userinfo !== undefined || base.host !== undefined || base.port !== undefined
          if (baseHasAuthority && !base.path) {
            target.path = '/' + relative.path
          } else if (!base.path) {
            target.path = relative.path
          } else {
            target.path = base.path.slice(0, base.path.lastIndexOf('/') + 1) + relative.path
          }
          target.path = base.scheme === undefined && !baseHasAuthority && target.path[0] !== '/'
            ? removeDotSegmentsRelative(target.path)
            : removeDotSegments(target.path)
        }
        target.query = relative.query
      }
      // target.authority = base.authority;
      target.userinfo = base.userinfo
      target.host = base.host
      target.port = base.port
    }
    target.scheme = base.scheme
  }

  target.fragment = relative.fragment

  return target
}

/**
 * @param {import ('./types/index').URIComponent|string} uriA
 * @param {import ('./types/index').URIComponent|string} uriB
 * @param {import ('./types/index').Options} options
 * @returns {boolean}
 */
function equal (uriA, uriB, options) {
  const normalizedA = normalizeComparableURI(uriA, options)
  const normalizedB = normalizeComparableURI(uriB, options)

  return normalizedA !== undefined && normalizedB !== undefined && normalizedA === normalizedB
}

/**
 * @param {Readonly<import('./types/index').URIComponent>} cmpts
 * @param {import('./types/index').Options} [opts]
 * @returns {string}
 */
function serialize (cmpts, opts) {
  const component = {
    host: cmpts.host,
    scheme: cmpts.scheme,
    userinfo: cmpts.userinfo,
    port: cmpts.port,
    path: cmpts.path,
    query: cmpts.query,
    nid: cmpts.nid,
    nss: cmpts.nss,
    uuid: cmpts.uuid,
    fragment: cmpts.fragment,
    reference: cmpts.reference,
    resourceName: cmpts.resourceName,
    secure: cmpts.secure,
    error: ''
  }
  const options = Object.assign({}, opts)
  const uriTokens = []

  if (component.scheme) {
    component.scheme = validateScheme(component.scheme)
  }

  // find scheme handler
  const schemeHandler = getSchemeHandler(options.scheme || component.scheme)

  // perform scheme specific serialization
  if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options)

  const hasAuthority = component.userinfo !== undefined || component.host !== undefined || component.port !== undefined
  // A reference with no emitted scheme is path-noscheme: a bare ':' in its
  // first path segment would reparse as a scheme (RFC 3986 3.3/4.2). Enforced
  // under skipEscape too (resolve()), so the reapply below gates on this flag.
  const schemelessReference = (component.scheme === undefined || options.reference === 'suffix') && !hasAuthority
  const pathNoScheme = !options.skipEscape && schemelessReference

  if (component.path !== undefined) {
    if (!options.skipEscape) {
      component.path = serializePathEncoding(component.path, pathNoScheme)
    } else {
      component.path = normalizePercentEncoding(component.path)
    }
  }

  if (options.reference !== 'suffix' && component.scheme) {
    // Scheme handlers may replace the scheme during serialization.
    component.scheme = validateScheme(component.scheme)
    uriTokens.push(component.scheme, ':')
  }

  const authority = recomposeAuthority(component)
  if (authority !== undefined) {
    if (options.reference !== 'suffix') {
      uriTokens.push('//')
    }

    uriTokens.push(authority)

    if (component.path && component.path[0] !== '/') {
      uriTokens.push('/')
    }
  }
  if (component.path !== undefined) {
    let s = component.path

    if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
      // A relative-path reference keeps its unresolvable leading ".." segments
      // and must never become root-relative (RFC 3986 section 5.2.4 applies to
      // merged target paths, not to the reference itself).
      s = schemelessReference && s[0] !== '/'
        ? removeDotSegmentsRelative(s)
        : removeDotSegments(s)
    }

    // Dot-segment removal can expose a colon that was not originally in the
    // first segment (for example, "./a:b"). Reapply path-noscheme encoding so
    // the serialized relative reference cannot be reparsed as a URI scheme.
    if (schemelessReference) {
      s = serializePathEncoding(s, true)
    }

    if (
      authority === undefined &&
      s[0] === '/' &&
      s[1] === '/'
    ) {
      // don't allow the path to start with "//"
      s = '/%2F' + s.slice(2)
    }

    uriTokens.push(s)
  }

  if (component.query !== undefined) {
    uriTokens.push('?', encodeQuery(component.query))
  }

  if (component.fragment !== undefined) {
    uriTokens.push('#', encodeFragment(component.fragment))
  }
  return uriTokens.join('')
}

const URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u

// Captures the authority component (between "//" and the next "/", "?" or "#"),
// with or without a scheme prefix, for the literal-backslash rejection below.
const AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/

// Captures the leading authority-introducer region after an optional scheme: a
// run of forward slashes, backslashes, and the characters the WHATWG URL parser
// removes before parsing (TAB U+0009, LF U+000A, CR U+000D). A valid introducer
// is exactly "//". Node treats "\" as "/" on special schemes and strips those
// characters first, so forms like "\\", "/\", "\/", "/<TAB>/", or a leading
// "<TAB>//" reach an authority in Node while fast-uri's URI_PARSE folds them into
// the path group (host confusion / SSRF / redirect bypass).
const AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/

/**
 * @param {import('./types/index').URIComponent} parsed
 * @param {RegExpMatchArray} matches
 * @returns {string|undefined}
 */
function getParseError (parsed, matches) {
  if (matches[2] !== undefined && parsed.path && parsed.path[0] !== '/') {
    return 'URI path must start with "/" when authority is present.'
  }

  if (typeof parsed.port === 'number' && (parsed.port < 0 || parsed.port > 65535)) {
    return 'URI port is malformed.'
  }

  return undefined
}

/**
 * Checks percent syntax without decoding the represented octets. RFC 3986
 * percent-encoding is byte-oriented, so sequences such as `%FF` are valid even
 * though they are not independently valid UTF-8.
 *
 * @param {string|undefined} component
 * @returns {boolean}
 */
function hasMalformedPercentEncoding (component) {
  if (component === undefined) return false

  let percent = component.indexOf('%')
  while (percent !== -1) {
    if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
      return true
    }
    percent = component.indexOf('%', percent + 3)
  }

  return false
}

/**
 * Whether the host is a bracketed IP literal (RFC 3986 `IP-literal`).
 * An unterminated `[` is not a literal, so it must still be validated as a
 * reg-name instead of being waved through as an IP.
 *
 * @param {string} host
 * @returns {boolean}
 */
function isIPLiteral (host) {
  return host[0] === '[' && host[host.length - 1] === ']'
}

/**
 * @param {RegExpMatchArray} matches
 * @returns {boolean}
 */
function hasMalformedComponentPercentEncoding (matches) {
  // Bracketed IP literals use a raw "%" as the zone separator for historical
  // compatibility. Their parsing is intentionally left to normalizeIPv6.
  const host = matches[4]
  return hasMalformedPercentEncoding(matches[3]) ||
    (host !== undefined && !isIPLiteral(host) && hasMalformedPercentEncoding(host)) ||
    hasMalformedPercentEncoding(matches[6]) ||
    hasMalformedPercentEncoding(matches[7]) ||
    hasMalformedPercentEncoding(matches[8])
}

/**
 * @param {import('./types/index').URIComponent} parsed
 * @param {import('./types/index').Options} options
 * @param {{ domainHost?: boolean, unicodeSupport?: boolean }|undefined} schemeHandler
 * @param {boolean} isIP
 * @returns {boolean} whether host conversion failed
 */
function canonicalizeHost (parsed, options, schemeHandler, isIP) {
  if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
    parsed.error = parsed.error || MALFORMED_HOST_ERROR
    return true
  }

  if (
    !options.unicodeSupport &&
    (!schemeHandler || !schemeHandler.unicodeSupport) &&
    parsed.host &&
    !isIPLiteral(parsed.host) &&
    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
    isIP === false &&
    nonSimpleDomain(parsed.host)
  ) {
    let url
    try {
      url = new URL('http://' + parsed.host)
    } catch (e) {
      parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e
      return true
    }
    // The WHATWG parser must have read the whole input as a host. Anything
    // else means it found a delimiter fast-uri did not, so its hostname would
    // describe a different authority.
    if (!isHostOnlyURL(url)) {
      parsed.error = parsed.error || MALFORMED_HOST_ERROR
      return true
    }
    parsed.host = url.hostname
  }
  return false
}

/**
 * Whether a domain host contains an ASCII character that RFC 3986 does not
 * allow in a reg-name (unreserved, sub-delims, or pct-encoded). Such a host is
 * rejected instead of being handed to the WHATWG URL parser, which would treat
 * "@" as a userinfo delimiter (silently dropping the data before it) and strip
 * TAB, LF, and CR. Non-ASCII characters remain allowed for IDNs.
 *
 * @param {import('./types/index').URIComponent} parsed
 * @param {import('./types/index').Options} options
 * @param {{ domainHost?: boolean }|undefined} schemeHandler
 * @param {boolean} isIP
 * @returns {boolean}
 */
function hasForbiddenDomainHost (parsed, options, schemeHandler, isIP) {
  return Boolean(
    parsed.host &&
    isIP === false &&
    !isIPLiteral(parsed.host) &&
    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
    FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
  )
}

/**
 * @param {URL} url
 * @returns {boolean}
 */
function isHostOnlyURL (url) {
  return url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.hostname !== ''
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {{ parsed: import('./types/index').URIComponent, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
 */
function parseWithStatus (uri, opts) {
  const options = Object.assign({}, opts)
  /** @type {import('./types/index').URIComponent} */
  const parsed = {
    scheme: undefined,
    userinfo: undefined,
    host: '',
    port: undefined,
    path: '',
    query: undefined,
    fragment: undefined
  }

  let malformedAuthorityOrPort = false
  let malformedPercentEncoding = false
  let malformedSchemeSpecific = false
  let malformedHost = false
  let malformedIPLiteral = false
  let malformedScheme = false

  let isIP = false
  if (options.reference === 'suffix') {
    if (options.scheme) {
      uri = options.scheme + ':' + uri
    } else {
      uri = '//' + uri
    }
  }

  // A literal backslash (U+005C) is not a valid RFC 3986 URI character and is
  // not an authority delimiter. Reject it in the authority rather than
  // rewriting it: normalizing "\" -> "/" (WHATWG error recovery) could silently
  // change the resource identified by an otherwise-invalid input, and lets "\"
  // act as a host delimiter here while Node's native URL parses a different
  // host (SSRF / redirect / origin-allowlist bypass). Percent-encoded %5C is
  // untouched and remains valid encoded data.
  const authorityMatch = uri.match(AUTHORITY_PREFIX)
  if (authorityMatch !== null && authorityMatch[1].indexOf('\\') !== -1) {
    parsed.error = 'URI authority must not contain a literal backslash.'
    malformedAuthorityOrPort = true
  }

  // Reject a malformed or whitespace-smuggled authority introducer. fast-uri
  // only recognizes a literal "//"; anything else in the leading separator run
  // (a backslash, or a "//" that appears only after removing the TAB/LF/CR that
  // Node strips) means the authority fast-uri parses differs from the one Node's
  // URL resolves. Reject rather than rewrite, mirroring the literal-backslash
  // guard above. Percent-encoded forms (%5C, %09) are untouched, valid data.
  const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION)
  if (introducerMatch !== null) {
    const region = introducerMatch[1]
    const normalizedRegion = region.replace(/[\t\n\r]/g, '')
    // Two or more leading separators introduce an authority.
    if (normalizedRegion.length >= 2) {
      if (normalizedRegion.slice(0, 2) !== '//') {
        parsed.error = parsed.error || 'URI authority must not contain a literal backslash.'
        malformedAuthorityOrPort = true
      } else if (region.length !== normalizedRegion.length) {
        parsed.error = parsed.error || 'URI authority introducer must not contain whitespace.'
        malformedAuthorityOrPort = true
      }
    }
  }

  const matches = uri.match(URI_PARSE)

  if (matches) {
    // store each component
    parsed.scheme = matches[1]
    parsed.userinfo = matches[3]
    parsed.host = matches[4]
    parsed.port = parseInt(matches[5], 10)
    parsed.path = matches[6] || ''
    parsed.query = matches[7]
    parsed.fragment = matches[8]

    if (parsed.scheme !== undefined) {
      if (VALID_SCHEME.test(parsed.scheme)) {
        parsed.scheme = parsed.scheme.toLowerCase()
      } else {
        parsed.error = parsed.error || MALFORMED_SCHEME_ERROR
        malformedScheme = true
      }
    }

    malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches)
    if (malformedPercentEncoding) {
      parsed.error = parsed.error || 'URI contains malformed percent-encoding.'
    }

    // fix port number
    if (isNaN(parsed.port)) {
      parsed.port = matches[5]
    }

    const parseError = getParseError(parsed, matches)
    if (parseError !== undefined) {
      parsed.error = parsed.error || parseError
      malformedAuthorityOrPort = true
    }

    if (parsed.host) {
      const ipv4result = isIPv4(parsed.host)
      if (ipv4result === false) {
        const bracketedIPLiteral = isIPLiteral(parsed.host)
        const hasIPLiteralBracket = parsed.host.indexOf('[') !== -1 || parsed.host.indexOf(']') !== -1
        const ipv6result = normalizeIPv6(parsed.host)
        isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true
        malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true)
        parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase()

        if (malformedIPLiteral) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR
          malformedAuthorityOrPort = true
        }
      } else {
        isIP = true
      }
    }
    if (parsed.scheme === undefined && parsed.userinfo === undefined && parsed.host === undefined && parsed.port === undefined && parsed.query === undefined && !parsed.path) {
      parsed.reference = 'same-document'
    } else if (parsed.scheme === undefined) {
      parsed.reference = 'relative'
    } else if (parsed.fragment === undefined) {
      parsed.reference = 'absolute'
    } else {
      parsed.reference = 'uri'
    }

    // check for reference errors
    if (options.reference && options.reference !== 'suffix' && options.reference !== parsed.reference) {
      parsed.error = parsed.error || 'URI is not a ' + options.reference + ' reference.'
    }

    // find scheme handler
    const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme)

    // convert Unicode IDN -> ASCII IDN when the effective scheme uses domain hosts
    if (!malformedIPLiteral) {
      malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP)
    }

    if (uri.indexOf('%') !== -1 && parsed.host !== undefined && !malformedIPLiteral) {
      let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true)
      if (!isIP) {
        // Fold reg-name case after decoding unreserved octets. The second
        // pass only restores uppercase hex in escapes that remain encoded.
        host = normalizePercentEncoding(host.toLowerCase())
      }
      // Resolution parses both inputs with the internal `null` scheme before
      // the effective scheme is known. Keep raw host delimiters for that step
      // so resolve() can reject them for domain-host schemes; the resolved
      // authority is encoded when it is serialized.
      parsed.host = isIP || options.scheme !== 'null' ? reescapeHostDelimiters(host, isIP) : host
    }

    if (!schemeHandler || (schemeHandler && !schemeHandler.skipNormalize)) {
      if (parsed.path) {
        parsed.path = normalizePathEncoding(parsed.path)
      }
      if (parsed.query) {
        parsed.query = normalizeQueryFragmentEncoding(parsed.query)
      }
      if (parsed.fragment) {
        parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment)
      }
    }

    // perform scheme specific parsing
    if (schemeHandler && schemeHandler.parse) {
      schemeHandler.parse(parsed, options)
      if (schemeHandler === SCHEMES.urn && parsed.nid === undefined) {
        malformedSchemeSpecific = true
      }
    }
  } else {
    parsed.error = parsed.error || 'URI can not be parsed.'
  }
  return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme }
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns
 */
function parse (uri, opts) {
  return parseWithStatus(uri, opts).parsed
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {string}
 */
function normalizeString (uri, opts) {
  return normalizeStringWithStatus(uri, opts).normalized
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {{ normalized: string, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
 */
function normalizeStringWithStatus (uri, opts) {
  const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts)
  return {
    normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
    malformedAuthorityOrPort,
    malformedPercentEncoding,
    malformedSchemeSpecific,
    malformedHost,
    malformedScheme
  }
}

/**
 * @param {import ('./types/index').URIComponent|string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {string|undefined}
 */
function normalizeComparableURI (uri, opts) {
  if (typeof uri !== 'string' && typeof uri !== 'object') {
    return undefined
  }

  let value
  try {
    value = typeof uri === 'string' ? uri : serialize(uri, opts)
  } catch {
    return undefined
  }
  const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts)
  return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? undefined : normalized
}

const fastUri = {
  SCHEMES,
  normalize,
  resolve,
  resolveComponent,
  equal,
  serialize,
  parse
}

module.exports = fastUri
module.exports["default"] = fastUri
module.exports.fastUri = fastUri


/***/ }),

/***/ 5300:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { isUUID } = __nccwpck_require__(5077)
const URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu

const supportedSchemeNames = /** @type {const} */ (['http', 'https', 'ws',
  'wss', 'urn', 'urn:uuid'])

/** @typedef {supportedSchemeNames[number]} SchemeName */

/**
 * @param {string} name
 * @returns {name is SchemeName}
 */
function isValidSchemeName (name) {
  return supportedSchemeNames.indexOf(/** @type {*} */ (name)) !== -1
}

/**
 * @callback SchemeFn
 * @param {import('../types/index').URIComponent} component
 * @param {import('../types/index').Options} options
 * @returns {import('../types/index').URIComponent}
 */

/**
 * @typedef {Object} SchemeHandler
 * @property {SchemeName} scheme - The scheme name.
 * @property {boolean} [domainHost] - Indicates if the scheme supports domain hosts.
 * @property {SchemeFn} parse - Function to parse the URI component for this scheme.
 * @property {SchemeFn} serialize - Function to serialize the URI component for this scheme.
 * @property {boolean} [skipNormalize] - Indicates if normalization should be skipped for this scheme.
 * @property {boolean} [absolutePath] - Indicates if the scheme uses absolute paths.
 * @property {boolean} [unicodeSupport] - Indicates if the scheme supports Unicode.
 */

/**
 * @param {import('../types/index').URIComponent} wsComponent
 * @returns {boolean}
 */
function wsIsSecure (wsComponent) {
  if (wsComponent.secure === true) {
    return true
  } else if (wsComponent.secure === false) {
    return false
  } else if (wsComponent.scheme) {
    return (
      wsComponent.scheme.length === 3 &&
      (wsComponent.scheme[0] === 'w' || wsComponent.scheme[0] === 'W') &&
      (wsComponent.scheme[1] === 's' || wsComponent.scheme[1] === 'S') &&
      (wsComponent.scheme[2] === 's' || wsComponent.scheme[2] === 'S')
    )
  } else {
    return false
  }
}

/** @type {SchemeFn} */
function httpParse (component) {
  if (!component.host) {
    component.error = component.error || 'HTTP URIs must have a host.'
  }

  return component
}

/** @type {SchemeFn} */
function httpSerialize (component) {
  const secure = String(component.scheme).toLowerCase() === 'https'

  // normalize the default port
  if (component.port === (secure ? 443 : 80) || component.port === '') {
    component.port = undefined
  }

  // normalize the empty path
  if (!component.path) {
    component.path = '/'
  }

  // NOTE: We do not parse query strings for HTTP URIs
  // as WWW Form Url Encoded query strings are part of the HTML4+ spec,
  // and not the HTTP spec.

  return component
}

/** @type {SchemeFn} */
function wsParse (wsComponent) {
// indicate if the secure flag is set
  wsComponent.secure = wsIsSecure(wsComponent)

  // construct resouce name
  wsComponent.resourceName = (wsComponent.path || '/') + (wsComponent.query ? '?' + wsComponent.query : '')
  wsComponent.path = undefined
  wsComponent.query = undefined

  return wsComponent
}

/** @type {SchemeFn} */
function wsSerialize (wsComponent) {
// normalize the default port
  if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === '') {
    wsComponent.port = undefined
  }

  // ensure scheme matches secure flag
  if (typeof wsComponent.secure === 'boolean') {
    wsComponent.scheme = (wsComponent.secure ? 'wss' : 'ws')
    wsComponent.secure = undefined
  }

  // reconstruct path from resource name
  if (wsComponent.resourceName) {
    const queryIndex = wsComponent.resourceName.indexOf('?')
    const path = queryIndex === -1
      ? wsComponent.resourceName
      : wsComponent.resourceName.slice(0, queryIndex)
    wsComponent.path = (path && path !== '/' ? path : undefined)
    wsComponent.query = queryIndex === -1
      ? undefined
      : wsComponent.resourceName.slice(queryIndex + 1)
    wsComponent.resourceName = undefined
  }

  // forbid fragment component
  wsComponent.fragment = undefined

  return wsComponent
}

/** @type {SchemeFn} */
function urnParse (urnComponent, options) {
  if (!urnComponent.path) {
    urnComponent.error = 'URN can not be parsed'
    return urnComponent
  }
  const matches = urnComponent.path.match(URN_REG)
  if (matches && matches[0] === urnComponent.path) {
    const scheme = options.scheme || urnComponent.scheme || 'urn'
    urnComponent.nid = matches[1].toLowerCase()
    urnComponent.nss = matches[2]
    const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`
    const schemeHandler = getSchemeHandler(urnScheme)
    urnComponent.path = undefined

    if (schemeHandler) {
      urnComponent = schemeHandler.parse(urnComponent, options)
    }
  } else {
    urnComponent.error = urnComponent.error || 'URN can not be parsed.'
  }

  return urnComponent
}

/** @type {SchemeFn} */
function urnSerialize (urnComponent, options) {
  if (urnComponent.nid === undefined) {
    throw new Error('URN without nid cannot be serialized')
  }
  const scheme = options.scheme || urnComponent.scheme || 'urn'
  const nid = urnComponent.nid.toLowerCase()
  const urnScheme = `${scheme}:${options.nid || nid}`
  const schemeHandler = getSchemeHandler(urnScheme)

  if (schemeHandler) {
    urnComponent = schemeHandler.serialize(urnComponent, options)
  }

  const uriComponent = urnComponent
  const nss = urnComponent.nss
  uriComponent.path = `${nid || options.nid}:${nss}`

  options.skipEscape = true
  return uriComponent
}

/** @type {SchemeFn} */
function urnuuidParse (urnComponent, options) {
  const uuidComponent = urnComponent
  uuidComponent.uuid = uuidComponent.nss
  uuidComponent.nss = undefined

  if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
    uuidComponent.error = uuidComponent.error || 'UUID is not valid.'
  }

  return uuidComponent
}

/** @type {SchemeFn} */
function urnuuidSerialize (uuidComponent) {
  const urnComponent = uuidComponent
  // normalize UUID
  urnComponent.nss = (uuidComponent.uuid || '').toLowerCase()
  return urnComponent
}

const http = /** @type {SchemeHandler} */ ({
  scheme: 'http',
  domainHost: true,
  parse: httpParse,
  serialize: httpSerialize
})

const https = /** @type {SchemeHandler} */ ({
  scheme: 'https',
  domainHost: http.domainHost,
  parse: httpParse,
  serialize: httpSerialize
})

const ws = /** @type {SchemeHandler} */ ({
  scheme: 'ws',
  domainHost: true,
  parse: wsParse,
  serialize: wsSerialize
})

const wss = /** @type {SchemeHandler} */ ({
  scheme: 'wss',
  domainHost: ws.domainHost,
  parse: ws.parse,
  serialize: ws.serialize
})

const urn = /** @type {SchemeHandler} */ ({
  scheme: 'urn',
  parse: urnParse,
  serialize: urnSerialize,
  skipNormalize: true
})

const urnuuid = /** @type {SchemeHandler} */ ({
  scheme: 'urn:uuid',
  parse: urnuuidParse,
  serialize: urnuuidSerialize,
  skipNormalize: true
})

const SCHEMES = /** @type {Record<SchemeName, SchemeHandler>} */ ({
  http,
  https,
  ws,
  wss,
  urn,
  'urn:uuid': urnuuid
})

Object.setPrototypeOf(SCHEMES, null)

/**
 * @param {string|undefined} scheme
 * @returns {SchemeHandler|undefined}
 */
function getSchemeHandler (scheme) {
  return (
    scheme && (
      SCHEMES[/** @type {SchemeName} */ (scheme)] ||
      SCHEMES[/** @type {SchemeName} */(scheme.toLowerCase())])
  ) ||
    undefined
}

module.exports = {
  wsIsSecure,
  SCHEMES,
  isValidSchemeName,
  getSchemeHandler,
}


/***/ }),

/***/ 5077:
/***/ ((module) => {



/** @type {(value: string) => boolean} */
const isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu)

/** @type {(value: string) => boolean} */
const isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u)

/** @type {(value: string) => boolean} */
const isPort = RegExp.prototype.test.bind(/^\d*$/u)

/** @type {(value: string) => boolean} */
const isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu)

/** @type {(value: string) => boolean} */
const isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu)

/** @type {(value: string) => boolean} */
const isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u)

/** @type {(value: string) => boolean} */
const isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u)

/** @type {(value: string) => boolean} */
const isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u)

const BYTE_HEX = new Array(256)
{
  const HEX_DIGITS = '0123456789ABCDEF'
  for (let i = 0; i < 256; i++) {
    BYTE_HEX[i] = '%' + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 0xF]
  }
}
function percentEncodeNonAscii (cp) {
  if (cp < 0x800) {
    return BYTE_HEX[0xC0 | (cp >> 6)] +
           BYTE_HEX[0x80 | (cp & 0x3F)]
  }
  if (cp < 0x10000) {
    return BYTE_HEX[0xE0 | (cp >> 12)] +
           BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
           BYTE_HEX[0x80 | (cp & 0x3F)]
  }
  return BYTE_HEX[0xF0 | (cp >> 18)] +
         BYTE_HEX[0x80 | ((cp >> 12) & 0x3F)] +
         BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
         BYTE_HEX[0x80 | (cp & 0x3F)]
}

/**
 * @param {Array<string>} input
 * @returns {string}
 */
function stringArrayToHexStripped (input) {
  let acc = ''
  let code = 0
  let i = 0

  for (i = 0; i < input.length; i++) {
    code = input[i].charCodeAt(0)
    if (code === 48) {
      continue
    }
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
      return ''
    }
    acc += input[i]
    break
  }

  for (i += 1; i < input.length; i++) {
    code = input[i].charCodeAt(0)
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
      return ''
    }
    acc += input[i]
  }
  return acc
}

/** @type {(value: string) => boolean} */
const isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/)

/** @type {(value: string) => boolean} */
const isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/)

/** @type {(value: string) => boolean} */
const isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/)

/**
 * @param {string} value
 * @returns {boolean}
 */
const nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u)

/**
 * @param {string} zone
 * @returns {boolean}
 */
function isZoneIdentifier (zone) {
  if (zone.length === 0) return false

  for (let i = 0; i < zone.length; i++) {
    if (isZoneCharacter(zone[i])) continue
    if (zone[i] === '%' && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
      i += 2
      continue
    }
    return false
  }

  return true
}

/**
 * Compresses the longest run of zero hextets to "::" per RFC 5952. A run of a
 * single zero hextet is left uncompressed. On ties the leftmost run wins.
 *
 * @param {string[]} hextets
 * @returns {string}
 */
function compressIPv6ZeroRun (hextets) {
  let bestStart = -1
  let bestLength = 0
  let runStart = -1
  let runLength = 0
  for (let i = 0; i < hextets.length; i++) {
    if (hextets[i] === '0') {
      if (runStart === -1) runStart = i
      runLength++
      if (runLength > bestLength) {
        bestLength = runLength
        bestStart = runStart
      }
    } else {
      runStart = -1
      runLength = 0
    }
  }

  if (bestLength < 2) return hextets.join(':')

  const head = hextets.slice(0, bestStart).join(':')
  const tail = hextets.slice(bestStart + bestLength).join(':')
  return head + '::' + tail
}

/**
 * Validates an IPv6 address against the alternatives in RFC 3986 section
 * 3.2.2 and returns the same address with leading hextet zeroes removed.
 * An embedded IPv4 address counts as two hextets and is only valid at the end.
 *
 * @param {string} input
 * @returns {string|undefined}
 */
function normalizeIPv6Address (input) {
  const compression = input.indexOf('::')
  if (compression !== -1 && input.indexOf('::', compression + 1) !== -1) return undefined

  const left = compression === -1 ? input.split(':') : input.slice(0, compression).split(':')
  const right = compression === -1 ? [] : input.slice(compression + 2).split(':')
  if (compression !== -1) {
    if (left.length === 1 && left[0] === '') left.length = 0
    if (right.length === 1 && right[0] === '') right.length = 0
  }

  const parts = left.concat(right)
  let hextetCount = 0
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (part === '') return undefined

    if (part.indexOf('.') !== -1) {
      if (i !== parts.length - 1 || (compression !== -1 && right.length === 0) || !isIPv4(part)) return undefined
      hextetCount += 2
      continue
    }

    if (!isHextet(part)) return undefined
    parts[i] = parseInt(part, 16).toString(16)
    hextetCount++
  }

  if (compression === -1) {
    if (hextetCount !== 8) return undefined
    return compressIPv6ZeroRun(parts)
  }
  if (hextetCount >= 8) return undefined

  // expand "::" then re-compress the longest run for a canonical result
  const expanded = parts.slice(0, left.length)
  for (let i = hextetCount; i < 8; i++) expanded.push('0')
  for (let i = left.length; i < parts.length; i++) expanded.push(parts[i])
  return compressIPv6ZeroRun(expanded)
}

/**
 * @typedef {Object} NormalizeIPv6Result
 * @property {string} host - The normalized host.
 * @property {string} [escapedHost] - The escaped host.
 * @property {boolean} isIPV6 - Indicates if the host is an IPv6 address.
 * @property {boolean} [isIPVFuture] - Indicates if the host is an IPvFuture literal.
 * @property {boolean} [error] - Indicates if a bracketed IP literal is malformed.
 */

/**
 * Validates and normalizes a bracketed IP literal. Raw zone separators remain
 * accepted for backwards compatibility, while encoded separators and zone
 * contents follow RFC 6874.
 *
 * @param {string} host
 * @returns {NormalizeIPv6Result}
 */
function normalizeIPv6 (host) {
  const bracketed = host[0] === '[' && host[host.length - 1] === ']'
  const hasBracket = host[0] === '[' || host[host.length - 1] === ']'
  if (hasBracket && !bracketed) return { host, isIPV6: false, error: true }

  let input = bracketed ? host.slice(1, -1) : host
  if (bracketed && isIPvFuture(input)) {
    input = input.toLowerCase()
    return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true }
  }

  if (findToken(input, ':') < 2) {
    return { host, isIPV6: false, error: bracketed }
  }

  let zoneIdentifier = ''
  const zoneSeparator = input.indexOf('%')
  if (zoneSeparator !== -1) {
    const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === '%25' ? 3 : 1
    zoneIdentifier = input.slice(zoneSeparator + separatorLength)
    if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true }
    input = input.slice(0, zoneSeparator)
  }

  const address = normalizeIPv6Address(input)
  if (address === undefined) return { host, isIPV6: false, error: true }

  return {
    host: address + (zoneIdentifier ? '%' + zoneIdentifier : ''),
    escapedHost: address + (zoneIdentifier ? '%25' + zoneIdentifier : ''),
    isIPV6: true
  }
}

/**
 * @param {string} str
 * @param {string} token
 * @returns {number}
 */
function findToken (str, token) {
  let ind = 0
  for (let i = 0; i < str.length; i++) {
    if (str[i] === token) ind++
  }
  return ind
}

/**
 * @param {string} path
 * @returns {string}
 *
 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-5.2.4
 */
function removeDotSegments (path) {
  let input = path
  const output = []
  let nextSlash = -1
  let len = 0

  // eslint-disable-next-line no-cond-assign
  while (len = input.length) {
    if (len === 1) {
      if (input === '.') {
        break
      } else if (input === '/') {
        output.push('/')
        break
      } else {
        output.push(input)
        break
      }
    } else if (len === 2) {
      if (input[0] === '.') {
        if (input[1] === '.') {
          break
        } else if (input[1] === '/') {
          input = input.slice(2)
          continue
        }
      } else if (input[0] === '/') {
        if (input[1] === '.' || input[1] === '/') {
          output.push('/')
          break
        }
      }
    } else if (len === 3) {
      if (input === '/..') {
        if (output.length !== 0) {
          output.pop()
        }
        output.push('/')
        break
      }
    }
    if (input[0] === '.') {
      if (input[1] === '.') {
        if (input[2] === '/') {
          input = input.slice(3)
          continue
        }
      } else if (input[1] === '/') {
        input = input.slice(2)
        continue
      }
    } else if (input[0] === '/') {
      if (input[1] === '.') {
        if (input[2] === '/') {
          input = input.slice(2)
          continue
        } else if (input[2] === '.') {
          if (input[3] === '/') {
            input = input.slice(3)
            if (output.length !== 0) {
              output.pop()
            }
            continue
          }
        }
      }
    }

    // Rule 2E: Move normal path segment to output
    if ((nextSlash = input.indexOf('/', 1)) === -1) {
      output.push(input)
      break
    } else {
      output.push(input.slice(0, nextSlash))
      input = input.slice(nextSlash)
    }
  }

  return output.join('')
}

/**
 * Removes dot segments from the path of a relative reference (a path that does
 * not start with "/") without changing what it resolves to against any base.
 * Unlike `removeDotSegments`, leading ".." segments that cannot be collapsed
 * are kept, the result never becomes root-relative, and a result that would be
 * empty or start with an empty segment is prefixed with "." (an empty path
 * means "same document" and a leading "//" would introduce an authority).
 *
 * @param {string} path
 * @returns {string}
 */
function removeDotSegmentsRelative (path) {
  if (path === '' || path[0] === '/') {
    return removeDotSegments(path)
  }

  const segments = path.split('/')
  const last = segments.length - 1
  /** @type {string[]} */
  const output = []
  let trailingDirectory = false

  for (let i = 0; i <= last; i++) {
    const segment = segments[i]
    if (segment === '.' || segment === '..') {
      if (segment === '..') {
        if (output.length !== 0 && output[output.length - 1] !== '..') {
          output.pop()
        } else {
          output.push('..')
        }
      }
      trailingDirectory = i === last
    } else {
      output.push(segment)
    }
  }

  if (trailingDirectory && output[output.length - 1] !== '..') {
    output.push('')
  }
  if (output.length === 0 || output[0] === '' || output[0].includes(':')) {
    // An empty path, a leading empty segment ("//"), or a first segment
    // containing ":" (which would be mistaken for a scheme, RFC 3986 section
    // 4.2) must stay behind a "." segment so the reference keeps its meaning.
    output.unshift('.')
  }

  return output.join('/')
}

/**
 * Re-escape RFC 3986 gen-delims that must not appear literally in the host.
 * After the URI regex parses, these characters cannot be literal in the host
 * field, so any that appear after decoding came from percent-encoding and
 * must be restored to prevent authority structure changes.
 *
 * @param {string} host
 * @param {boolean} isIP - true for IPv4/IPv6 hosts (skip colon re-escaping)
 * @returns {string}
 */
const HOST_DELIMS = { '@': '%40', '/': '%2F', '?': '%3F', '#': '%23', ':': '%3A' }
const HOST_DELIM_RE = /[@/?#:]/g
const HOST_DELIM_NO_COLON_RE = /[@/?#]/g

function reescapeHostDelimiters (host, isIP) {
  const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE
  re.lastIndex = 0
  return host.replace(re, (ch) => HOST_DELIMS[ch])
}

/**
 * Normalizes percent escapes and optionally decodes only unreserved ASCII bytes.
 * Reserved delimiters such as `%2F` stay escaped; `%2E` is unreserved.
 *
 * @param {string} input
 * @param {boolean} [decodeUnreserved=false]
 * @returns {string}
 */
function normalizePercentEncoding (input, decodeUnreserved = false) {
  if (input.indexOf('%') === -1) {
    return input
  }

  let output = ''

  for (let i = 0; i < input.length; i++) {
    if (input[i] === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (decodeUnreserved && isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    output += input[i]
  }

  return output
}

/**
 * Normalizes path data without turning reserved escapes into live path syntax.
 * Valid escapes are uppercased, raw unsafe characters are escaped, and only
 * unreserved bytes that are not `.` are decoded.
 *
 * @param {string} input
 * @returns {string}
 */
function normalizePathEncoding (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (decoded !== '.' && isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    if (isPathCharacter(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += isEscapeSafe(code) ? ch : BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Serializes a path without rewriting reserved data. Raw RFC 3986 path
 * characters remain literal, valid escapes are preserved and uppercased, and
 * everything else is UTF-8 percent-encoded. In a path-noscheme, a colon in the
 * first segment must be escaped so the result cannot be parsed as a scheme.
 *
 * @param {string} input
 * @param {boolean} [pathNoScheme=false]
 * @returns {string}
 */
function serializePathEncoding (input, pathNoScheme = false) {
  let output = ''
  let firstSegment = pathNoScheme && input[0] !== '/'

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    if (ch === '/') {
      firstSegment = false
    }

    if (isPathCharacter(ch) && (ch !== ':' || !firstSegment)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Percent-encodes a URI component using its RFC 3986 literal character set.
 * Existing valid escapes are preserved and normalized to uppercase hex.
 *
 * @param {string} input
 * @param {(value: string) => boolean} isAllowed
 * @returns {string}
 */
function encodeComponent (input, isAllowed) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    if (isAllowed(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Encodes userinfo while preserving its RFC 3986 §3.2.1 literal characters.
 * In particular, authority delimiters such as `@`, `/`, `?`, and `#` are data.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeUserinfo (input) {
  return encodeComponent(input, isUserinfoCharacter)
}

/**
 * Encodes query data using the RFC 3986 §3.4 grammar. A literal `#` must be
 * escaped because it would otherwise begin the fragment component.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeQuery (input) {
  return encodeComponent(input, isQueryFragmentCharacter)
}

/**
 * Encodes fragment data using the RFC 3986 §3.5 grammar.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeFragment (input) {
  return encodeComponent(input, isQueryFragmentCharacter)
}

function isEscapeSafe (cp) {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5A) ||
    (cp >= 0x61 && cp <= 0x7A) ||
    cp === 0x2A || cp === 0x2B || cp === 0x2D || cp === 0x2E ||
    cp === 0x2F || cp === 0x40 || cp === 0x5F
  )
}

/**
 * Normalizes the percent-encoding of a query or fragment component.
 *
 * Like `normalizePathEncoding`, but uses the query/fragment character set
 * (which additionally allows `?`) and decodes `.` since it has no dot-segment
 * meaning outside of a path.
 *
 * @param {string} input
 * @returns {string}
 */
function normalizeQueryFragmentEncoding (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    if (isQueryFragmentCharacter(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += isEscapeSafe(code) ? ch : BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Escapes a component while preserving existing valid percent escapes.
 *
 * @param {string} input
 * @returns {string}
 */
function escapePreservingEscapes (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    if (input[i] === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    output += escape(input[i])
  }

  return output
}

/**
 * @param {import('../types/index').URIComponent} component
 * @returns {string|undefined}
 */
function recomposeAuthority (component) {
  const uriTokens = []

  if (component.userinfo !== undefined) {
    uriTokens.push(encodeUserinfo(component.userinfo))
    uriTokens.push('@')
  }

  if (component.host !== undefined) {
    let host = component.host
    if (!isIPv4(host)) {
      let ipV6res = normalizeIPv6(host)
      if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
        // Decode only unreserved bytes, once. In particular, keep %25 encoded
        // so it cannot introduce a second escape during recomposition.
        host = normalizePercentEncoding(host, true)
        ipV6res = normalizeIPv6(host)
      }
      if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
        host = `[${ipV6res.escapedHost}]`
      } else {
        host = reescapeHostDelimiters(host, false)
      }
    }
    uriTokens.push(host)
  }

  if (typeof component.port === 'number' || typeof component.port === 'string') {
    const port = String(component.port)
    if (!isPort(port)) {
      throw new TypeError('URI port is malformed.')
    }
    uriTokens.push(':')
    uriTokens.push(port)
  }

  return uriTokens.length ? uriTokens.join('') : undefined
};

module.exports = {
  nonSimpleDomain,
  recomposeAuthority,
  reescapeHostDelimiters,
  normalizePercentEncoding,
  normalizePathEncoding,
  serializePathEncoding,
  normalizeQueryFragmentEncoding,
  encodeUserinfo,
  encodeQuery,
  encodeFragment,
  escapePreservingEscapes,
  removeDotSegments,
  removeDotSegmentsRelative,
  isIPv4,
  isUUID,
  normalizeIPv6,
  stringArrayToHexStripped
}


/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(5402);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(5407);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(5407);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(5402);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(5407);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 5407:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(5407);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(5407);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 5402:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(9210);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(5402);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
exports.YR = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(5402);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 9210:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 7299:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2454);

// A cancelled GitHub job sends SIGINT, then SIGTERM: both stop new work and are forwarded to running Terraform
// processes once, so they can release their state locks before Strata exits.
const controller = new AbortController();
let interruptedBy;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        interruptedBy ??= signal;
        process.stderr.write(`strata: ${signal} received; waiting for running Terraform commands to stop\n`);
        controller.abort();
    });
}
process.exitCode = await (0,_cli_run_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }, { cwd: process.cwd(), env: process.env, signal: controller.signal, interruptedBy: () => interruptedBy });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK

;// CONCATENATED MODULE: ./build/tsc/core/errors.js
/** Every problem found in a manifest, reported together so the user fixes them in one pass. */
class ManifestError extends Error {
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.name = 'ManifestError';
        this.problems = problems;
    }
}
function formatProblem(problem) {
    return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
const NEUTRAL_NAME = (setting) => `the '${setting}' setting`;
/** An error whose message may name settings, worded by each entry for its own users. */
class WordedError extends Error {
    render;
    constructor(message) {
        const render = typeof message === 'string' ? () => message : message;
        super(render(NEUTRAL_NAME));
        this.render = render;
    }
    /** The message in the words of one surface. */
    wordedFor(name) {
        return this.render(name);
    }
}
/**
 * Bad input that is not in a manifest: a flag, an action input, a result file. Exit code 2. A message about a
 * setting is given as a function of the setting's name, so that each entry words it for its own users.
 */
class UsageError extends WordedError {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/**
 * A run Strata refused to start because it cannot tell that the run is safe (a failover record it cannot
 * read). Not bad input: the world is not as it needs to be, as with a failed instance. Exit code 1.
 */
class RefusalError extends WordedError {
    constructor(message) {
        super(message);
        this.name = 'RefusalError';
    }
}
/** An error's message; a usage error's in the words `name` gives settings, when given. */
function getErrorMessage(error, name) {
    if (error instanceof WordedError && name)
        return error.wordedFor(name);
    if (error instanceof Error)
        return error.message;
    return String(error);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./build/tsc/core/graph/cells.js
const COORDINATES = ['account', 'region', 'environment'];
const SCOPE_COORDINATES = {
    global: [],
    account: ['account'],
    region: ['account', 'region'],
    environment: ['account', 'region', 'environment'],
};
/** Numbers for the names instances are placed by: accounts in manifest order, regions and environment names as first seen. */
class Cells {
    accounts = new Map();
    regions = new Map();
    environments = new Map();
    constructor(manifest) {
        manifest.accounts.forEach((account, index) => this.accounts.set(account.name, index));
        manifest.regions.forEach((region) => this.number(this.regions, region.name));
        manifest.accounts.forEach((account) => {
            account.regions.forEach((region) => this.number(this.regions, region));
            account.environments.forEach((environment) => {
                this.number(this.environments, environment.name);
                environment.regions.forEach((region) => this.number(this.regions, region));
            });
        });
    }
    number(names, name) {
        let index = names.get(name);
        if (index === undefined) {
            index = names.size;
            names.set(name, index);
        }
        return index;
    }
    /** What each coordinate's index (+1) is multiplied by in a key. */
    factors() {
        const regionFactor = this.accounts.size + 1;
        return [1, regionFactor, regionFactor * (this.regions.size + 1)];
    }
    /** One number per combination of coordinate indexes (-1 where absent or not fixed). */
    key(account, region, environment) {
        return (account + 1 + (this.accounts.size + 1) * (region + 1 + (this.regions.size + 1) * (environment + 1)));
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/edges.js
/**
 * Edges from lists of ids: `dependsOn(item)` names what the item at position p depends on, `positionOf`
 * numbers the ids.
 * An id that `positionOf` does not know makes no edge but still counts in `counts`, so that the position is
 * never released by a topological pass (as a plain Dag naming an unknown id has always behaved).
 */
function edges_edgesOfLists(items, dependsOn, positionOf) {
    const start = new Int32Array(items.length + 1);
    const counts = new Int32Array(items.length);
    const targets = [];
    let position = 0;
    for (const item of items) {
        const list = dependsOn(item) ?? [];
        counts[position] = list.length;
        for (const id of list) {
            const target = positionOf(id, position);
            if (target !== undefined)
                targets.push(target);
        }
        start[++position] = targets.length;
    }
    return { edges: { start, targets: Int32Array.from(targets) }, counts };
}
/** The same edges turned round, each position's list in ascending order. */
function edges_reverseEdges(count, edges) {
    const start = new Int32Array(count + 1);
    for (let at = 0; at < edges.targets.length; at++)
        start[edges.targets[at] + 1]++;
    for (let position = 0; position < count; position++)
        start[position + 1] += start[position];
    const next = start.slice(0, count);
    const targets = new Int32Array(edges.targets.length);
    for (let position = 0; position < count; position++) {
        for (let at = edges.start[position]; at < edges.start[position + 1]; at++) {
            targets[next[edges.targets[at]]++] = position;
        }
    }
    return { start, targets };
}
/** How many edges leave each position, from start offsets. */
function countsOf(start) {
    const counts = new Int32Array(start.length - 1);
    for (let position = 0; position < counts.length; position++)
        counts[position] = start[position + 1] - start[position];
    return counts;
}
/** Each position's list of ids, `ids[target]` in edge order. */
function idListsOf(edges, ids, position) {
    const from = edges.start[position];
    const list = new Array(edges.start[position + 1] - from);
    for (let at = from; at < edges.start[position + 1]; at++)
        list[at - from] = ids[edges.targets[at]];
    return list;
}
/**
 * Sorts `list[from..to)`, positions, by their ids (as compareIds orders them): insertion sort for the usual
 * handful, the built-in sort for a fan-in.
 */
function sortByIds(list, from, to, ids) {
    if (to - from > 16) {
        list.subarray(from, to).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
        return;
    }
    for (let index = from + 1; index < to; index++) {
        const position = list[index];
        const id = ids[position];
        let at = index - 1;
        while (at >= from && ids[list[at]] > id) {
            list[at + 1] = list[at];
            at--;
        }
        list[at + 1] = position;
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/collect-dependencies.js
/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */

/**
 * Merges each instance's resolved dependencies into one list of positions without itself or repeats, sorted
 * by id: the graph's edges, in the order of each instance's `dependsOn`.
 */
function collectDependencies(placement, resolvedByLayer) {
    const { ids } = placement;
    const count = ids.length;
    const start = new Int32Array(count + 1);
    let targets = new Int32Array(Math.max(16, count * 4));
    let used = 0;
    const seenBy = new Int32Array(count).fill(-1);
    for (let layerIndex = 0; layerIndex < resolvedByLayer.length; layerIndex++) {
        const resolved = resolvedByLayer[layerIndex];
        const first = placement.layerStart[layerIndex];
        const end = placement.layerStart[layerIndex + 1];
        for (let position = first; position < end; position++) {
            const from = used;
            for (let dependency = 0; dependency < resolved.length; dependency++) {
                const { selector, groups } = resolved[dependency];
                const group = groups[position - first];
                const { groupStart, members } = selector.index;
                for (let at = groupStart[group]; at < groupStart[group + 1]; at++) {
                    const member = members[at];
                    if (member === position || seenBy[member] === position)
                        continue;
                    seenBy[member] = position;
                    if (used === targets.length) {
                        const grown = new Int32Array(targets.length * 2);
                        grown.set(targets);
                        targets = grown;
                    }
                    targets[used++] = member;
                }
            }
            sortByIds(targets, from, used, ids);
            start[position + 1] = used;
        }
    }
    return { start, targets: targets.slice(0, used) };
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/topological-levels.js
/**
 * Kahn's algorithm, the only one in Strata: `dependencyCounts[p]` is how many positions p waits for and
 * `dependents` what waits for each. Undefined when some position is never released: the edges have a cycle.
 */
function topological_levels_topologicalLevels(dependencyCounts, dependents) {
    const count = dependencyCounts.length;
    const waiting = dependencyCounts.slice();
    const levels = new Int32Array(count);
    const order = new Int32Array(count);
    let tail = 0;
    for (let position = 0; position < count; position++)
        if (waiting[position] === 0)
            order[tail++] = position;
    for (let head = 0; head < tail; head++) {
        const position = order[head];
        const level = levels[position] + 1;
        for (let at = dependents.start[position]; at < dependents.start[position + 1]; at++) {
            const dependent = dependents.targets[at];
            if (levels[dependent] < level)
                levels[dependent] = level;
            if (--waiting[dependent] === 0)
                order[tail++] = dependent;
        }
    }
    return tail === count ? { order, levels } : undefined;
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/inputs-table.js
/** The inputs of the instance at `position`: one per entry that selects anything but the instance itself. */
function inputsAt(table, instances, position) {
    const layer = table.layerOf[position];
    const offset = position - table.layerStart[layer];
    const inputs = [];
    for (const entry of table.entries[layer]) {
        const group = entry.groups[offset];
        const sources = [];
        if (group >= 0) {
            for (let at = entry.groupStart[group]; at < entry.groupStart[group + 1]; at++) {
                const member = entry.members[at];
                if (member === position)
                    continue;
                const source = instances[member];
                sources.push({ id: source.id, key: entry.fanIn.map((coordinate) => source[coordinate]).join('/') });
            }
        }
        if (sources.length > 0)
            inputs.push({ variable: entry.variable, isFanIn: entry.fanIn.length > 0, sources });
    }
    return inputs;
}

;// CONCATENATED MODULE: ./build/tsc/core/lookup.js
/**
 * Look-ups the caller knows must succeed: an id taken from the same graph, an index below the length it was
 * built with. A miss is a bug in Strata, not in the user's input, so it throws an internal error that names
 * what was missing, instead of carrying `undefined` on to a wrong result.
 */
function lookup_getOrThrow(map, key, what) {
    const value = map.get(key);
    if (value === undefined)
        throw new Error(`Internal error: no ${what} '${String(key)}'`);
    return value;
}
/** `array[index]` for an index known to be in range; see getOrThrow. */
function lookup_itemAt(array, index, what) {
    const value = array[index];
    if (value === undefined)
        throw new Error(`Internal error: no ${what} at ${index} of ${array.length}`);
    return value;
}
/** A value an earlier step guarantees (an input checked when read, a setting filled in); see getOrThrow. */
function definedOrThrow(value, what) {
    if (value === undefined || value === null)
        throw new Error(`Internal error: ${what} is not set`);
    return value;
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/expanded-graph.js



/**
 * The LayerGraph expandManifest returns: its instances and compiled form, with the string views derived from
 * the compiled form. The maps by id are made on first use: `strata graph --format json` goes by position and
 * never needs them.
 */
class ExpandedGraph {
    instances;
    compiled;
    inputs;
    idMap;
    positionMap;
    dependentsMap;
    constructor(instances, compiled, inputs) {
        this.instances = instances;
        this.compiled = compiled;
        this.inputs = inputs;
    }
    get byId() {
        if (!this.idMap) {
            this.idMap = new Map();
            for (const instance of this.instances)
                this.idMap.set(instance.id, instance);
        }
        return this.idMap;
    }
    /** Reverse edges as strings, sorted (ascending positions are not id order). */
    get dependents() {
        if (!this.dependentsMap) {
            const { ids, dependents } = this.compiled;
            const map = new Map();
            ids.forEach((id, position) => map.set(id, idListsOf(dependents, ids, position).sort()));
            this.dependentsMap = map;
        }
        return this.dependentsMap;
    }
    /** An arrow, not a method: callers pass `graph.inputsOf` on its own. */
    inputsOf = (id) => {
        this.positionMap ??= new Map(this.compiled.ids.map((each, position) => [each, position]));
        return inputsAt(this.inputs, this.instances, lookup_getOrThrow(this.positionMap, id, 'instance'));
    };
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/compiled-graph.js



/** Compiles edges that are already positions: the dependents and the topological pass follow from them. */
function compileEdges(ids, dependsOn) {
    const dependents = edges_reverseEdges(ids.length, dependsOn);
    return { ids, dependsOn, dependents, topology: topological_levels_topologicalLevels(countsOf(dependsOn.start), dependents) };
}
/** The compiled form of a graph: kept by one from expandManifest, compiled now for one assembled elsewhere (tests). */
function compiledGraphOf(graph) {
    return graph instanceof ExpandedGraph ? graph.compiled : compileInstances(graph.instances);
}
function compileInstances(instances) {
    const positions = new Map();
    const ids = instances.map((instance, position) => {
        positions.set(instance.id, position);
        return instance.id;
    });
    const { edges } = edges_edgesOfLists(instances, (instance) => instance.dependsOn, (id, from) => {
        const target = positions.get(id);
        if (target === undefined)
            throw new Error(`'${String(ids[from])}' depends on unknown '${id}'`);
        return target;
    });
    return compileEdges(ids, edges);
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/primary-region.js
/** The name of the manifest's one primary region (parseManifest checks that there is exactly one). */
function primaryRegionOf(manifest) {
    const primary = manifest.regions.find((region) => region.role === 'primary');
    if (!primary)
        throw new Error('Internal error: the manifest has no primary region');
    return primary.name;
}
/** The role of a region the manifest declares (backend replicas and failover targets are checked to be). */
function regionRoleOf(manifest, name) {
    const region = manifest.regions.find((candidate) => candidate.name === name);
    if (!region)
        throw new Error(`Internal error: no region '${name}' in the manifest`);
    return region.role;
}

;// CONCATENATED MODULE: ./build/tsc/core/backend/tokens.js

const TOKENS = [
    'id',
    'layer',
    'scope',
    'account',
    'account_id',
    'region',
    'environment',
    'role',
];
const TOKEN_PATTERN = /\{([a-z_]+)\}/g;
/** The name inside a TOKEN_PATTERN match: its one group, which every match has. */
const tokenName = (match) => lookup_itemAt(match, 1, 'token name');
/** Tokens a string uses that Strata does not know, so a typo such as `{acount}` is an error, not a literal. */
function unknownTokens(text) {
    return [...text.matchAll(TOKEN_PATTERN)]
        .map(tokenName)
        .filter((name) => !TOKENS.includes(name));
}
/**
 * The token values of an instance. Coordinates its scope lacks render as `global` (the estate-wide cell), and
 * instances without a region use `global_region`, where their state lives.
 */
function tokenValues(instance, stateRegion, stateRegionRole) {
    return {
        id: instance.id,
        layer: instance.layer,
        scope: instance.scope,
        account: instance.account ?? 'global',
        account_id: instance.accountId ?? 'global',
        region: stateRegion,
        environment: instance.environment ?? 'global',
        role: stateRegionRole,
    };
}
const templates = new Map();
/** A string split once into literal text and tokens, so rendering it for 100,000 instances is a join. */
function compileTemplate(text) {
    const known = templates.get(text);
    if (known)
        return known;
    const parts = [];
    const tokens = [];
    let end = 0;
    for (const match of text.matchAll(TOKEN_PATTERN)) {
        const name = tokenName(match);
        if (!TOKENS.includes(name))
            continue;
        parts.push(text.slice(end, match.index));
        tokens.push(name);
        end = match.index + match[0].length;
    }
    parts.push(text.slice(end));
    const only = tokens.length === 1 && parts[0] === '' && parts[1] === '' ? tokens[0] : undefined;
    const template = tokens.length === 0
        ? () => text
        : only !== undefined
            ? (values) => values[only]
            : joinedTemplate(parts, tokens);
    templates.set(text, template);
    return template;
}
/**
 * A template rendered by joining its pieces. `+` would make a tree of string pieces that lives as long as the
 * result, several times the size of its text, for every instance; join makes one flat string. Instances come
 * cell by cell, so a template without {id} often renders what it just did: the same text then shares one
 * string.
 */
function joinedTemplate(parts, tokens) {
    // parts[0], then '' (a token's value) and the text after it, for each token.
    const pieces = parts.flatMap((part, index) => (index === 0 ? [part] : ['', part]));
    let last;
    return (values) => {
        let isSame = true;
        let slot = 1;
        for (const token of tokens) {
            const value = values[token];
            if (pieces[slot] !== value) {
                pieces[slot] = value;
                isSame = false;
            }
            slot += 2;
        }
        if (!isSame || last === undefined)
            last = pieces.join('');
        return last;
    };
}
function renderString(text, values) {
    return compileTemplate(text)(values);
}
/** Whether any string in a JSON-like value uses a token: values without any are shared, not copied per instance. */
function containsTokens(value) {
    if (typeof value === 'string') {
        return [...value.matchAll(TOKEN_PATTERN)].some((match) => TOKENS.includes(tokenName(match)));
    }
    if (Array.isArray(value))
        return value.some(containsTokens);
    if (value !== null && typeof value === 'object')
        return Object.values(value).some(containsTokens);
    return false;
}
/** Renders tokens in every string of a JSON-like value (layer vars), leaving other values as they are. */
function renderValue(value, values) {
    if (typeof value === 'string')
        return renderString(value, values);
    if (Array.isArray(value))
        return value.map((item) => renderValue(item, values));
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, values)]));
    }
    return value;
}
function renderBackend(type, config, values) {
    const rendered = {};
    for (const [key, value] of Object.entries(config)) {
        rendered[key] = typeof value === 'string' ? renderString(value, values) : value;
    }
    return { type, config: rendered };
}
/** `backend.config` with the keys `backend.region_config` sets for state stored in `stateRegion`. */
function backendConfigIn(backend, stateRegion) {
    const overrides = backend.regionConfig[stateRegion];
    return overrides ? { ...backend.config, ...overrides } : backend.config;
}
/** An instance's backend: the manifest's configuration for its state region, rendered with its tokens. */
function renderInstanceBackend(backend, values) {
    return renderBackend(backend.type, backendConfigIn(backend, values.region), values);
}
/** `compileBackend` for every state region at once: the region's own renderer, picked by `{region}`. */
function compileRegionalBackend(backend) {
    const everywhere = compileBackend(backend.type, backend.config);
    const byRegion = new Map(Object.keys(backend.regionConfig).map((region) => [
        region,
        compileBackend(backend.type, backendConfigIn(backend, region)),
    ]));
    if (byRegion.size === 0)
        return everywhere;
    return (values) => (byRegion.get(values.region) ?? everywhere)(values);
}
/**
 * A backend renderer for one manifest, compiled once: per instance it only fills the templates, so an estate
 * of 100,000 instances does not walk the config's entries 100,000 times.
 */
function compileBackend(type, config) {
    // `__proto__` as a key behaves differently when copied than when assigned: keep such a config on the plain path.
    if (Object.hasOwn(config, '__proto__'))
        return (values) => renderBackend(type, config, values);
    // Built the way renderBackend builds it, so a copy has the same keys in the same order; per instance only
    // the templates are filled in.
    const base = {};
    const templated = [];
    for (const [key, value] of Object.entries(config)) {
        base[key] = value;
        if (typeof value === 'string')
            templated.push([key, compileTemplate(value)]);
    }
    return (values) => {
        const rendered = { ...base };
        for (const [key, template] of templated)
            rendered[key] = template(values);
        return { type, config: rendered };
    };
}
/**
 * A renderer for a JSON-like value (layer vars), compiled once per layer: the same result as `renderValue`,
 * without walking the value's entries again for every instance.
 */
function compileValue(value) {
    if (typeof value === 'string')
        return compileTemplate(value);
    if (Array.isArray(value)) {
        const items = value.map(compileValue);
        return (values) => items.map((item) => item(values));
    }
    // `__proto__` as a key needs Object.fromEntries' own-property semantics: leave such values to renderValue.
    if (value !== null && typeof value === 'object' && !Object.hasOwn(value, '__proto__')) {
        const items = Object.entries(value).map(([key, item]) => [key, compileValue(item)]);
        return (values) => {
            const rendered = {};
            for (const [key, item] of items)
                rendered[key] = item(values);
            return rendered;
        };
    }
    if (value !== null && typeof value === 'object')
        return (values) => renderValue(value, values);
    return () => value;
}
/**
 * How to tell the state locations of backends rendered from one manifest apart. They share the type, the keys
 * and the values without tokens, so only the rendered templates can differ: `key` joins those (each but the
 * last prefixed with its length, so no two lists join alike). `isUnique` says when no key is needed at all: a
 * value whose only token is `{id}` renders differently for every instance, ids being unique.
 */
function compileStateLocation(backend) {
    const { config } = backend;
    const templated = Object.keys(config).filter((key) => typeof config[key] === 'string' && usedTokens(config[key]).length > 0);
    // A key that a region sets may be what tells two regions' stores apart (a bucket, an endpoint).
    const regional = Object.values(backend.regionConfig).flatMap((overrides) => Object.keys(overrides));
    const keys = [...new Set([...templated, ...regional])];
    const rendersIdAlone = (value) => {
        const tokens = typeof value === 'string' ? usedTokens(value) : [];
        return tokens.length === 1 && tokens[0] === 'id';
    };
    // Unique when one key renders {id} alone in every region, a region's own value of it included.
    const isUnique = templated.some((key) => rendersIdAlone(config[key]) &&
        Object.values(backend.regionConfig).every((overrides) => !(key in overrides) || rendersIdAlone(overrides[key])));
    const key = (backend) => {
        let joined = '';
        let left = keys.length;
        for (const name of keys) {
            const value = String(backend.config[name]);
            joined += --left === 0 ? value : `${value.length}:${value}`;
        }
        return joined;
    };
    return { isUnique, key };
}
/** The known tokens a string uses, in order, repeats included. */
function usedTokens(text) {
    return [...text.matchAll(TOKEN_PATTERN)]
        .map(tokenName)
        .filter((name) => TOKENS.includes(name));
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/place-instances.js
/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */


/** The names of a position's coordinates (null where its scope has none). */
function coordinatesAt(manifest, placement, position) {
    const accountIndex = placement.account[position];
    const account = accountIndex < 0 ? undefined : manifest.accounts[accountIndex];
    const region = placement.accountRegion[position];
    const environment = placement.accountEnvironment[position];
    return {
        account: account?.name ?? null,
        region: region < 0 ? null : account.regions[region],
        environment: environment < 0 ? null : account.environments[environment].name,
    };
}
/** Numbers every instance of the manifest. The arrays are sized up front and ids are joined, not concatenated. */
function placeInstances(manifest, cells) {
    const { accounts, layers } = manifest;
    const regionCount = accounts.reduce((sum, account) => sum + account.regions.length, 0);
    const environmentCount = accounts.reduce((sum, account) => sum +
        account.regions.reduce((inRegion, region) => inRegion +
            account.environments.filter((environment) => environment.regions.includes(region)).length, 0), 0);
    const cellsOf = {
        global: 1,
        account: accounts.length,
        region: regionCount,
        environment: environmentCount,
    };
    const count = layers.reduce((sum, layer) => sum + cellsOf[layer.scope], 0);
    const placement = {
        ids: new Array(count),
        layerOf: new Int32Array(count),
        layerStart: [],
        account: new Int32Array(count),
        region: new Int32Array(count),
        environment: new Int32Array(count),
        accountRegion: new Int32Array(count),
        accountEnvironment: new Int32Array(count),
    };
    const idParts = [[], ['', ''], ['', '', ''], ['', '', '', '']];
    // Cells indexes of each account's regions and environments, looked up once.
    const regionCells = accounts.map((account) => account.regions.map((region) => cells.regions.get(region)));
    const environmentCells = accounts.map((account) => account.environments.map((environment) => cells.environments.get(environment.name)));
    let position = 0;
    const add = (layerIndex, accountIndex, regionIndex, environmentIndex) => {
        const name = layers[layerIndex].name;
        let id = name;
        if (accountIndex >= 0) {
            const account = accounts[accountIndex];
            // Joined, not concatenated: `+` would keep each id as a tree of pieces for as long as the instance lives.
            const parts = idParts[regionIndex < 0 ? 1 : environmentIndex < 0 ? 2 : 3];
            parts[0] = account.name;
            if (regionIndex >= 0)
                parts[1] = account.regions[regionIndex];
            if (environmentIndex >= 0)
                parts[2] = account.environments[environmentIndex].name;
            parts[parts.length - 1] = name;
            id = parts.join('/');
        }
        placement.ids[position] = id;
        placement.layerOf[position] = layerIndex;
        placement.account[position] = accountIndex;
        placement.region[position] = regionIndex < 0 ? -1 : regionCells[accountIndex][regionIndex];
        placement.environment[position] =
            environmentIndex < 0 ? -1 : environmentCells[accountIndex][environmentIndex];
        placement.accountRegion[position] = regionIndex;
        placement.accountEnvironment[position] = environmentIndex;
        position++;
    };
    // Indexed loops: iterators cost an object per step until the code is optimised.
    for (let layerIndex = 0; layerIndex < layers.length; layerIndex++) {
        const { scope } = layers[layerIndex];
        placement.layerStart.push(position);
        if (scope === 'global') {
            add(layerIndex, -1, -1, -1);
            continue;
        }
        for (let accountIndex = 0; accountIndex < accounts.length; accountIndex++) {
            const account = accounts[accountIndex];
            if (scope === 'account') {
                add(layerIndex, accountIndex, -1, -1);
                continue;
            }
            for (let regionIndex = 0; regionIndex < account.regions.length; regionIndex++) {
                if (scope === 'region') {
                    add(layerIndex, accountIndex, regionIndex, -1);
                    continue;
                }
                const region = account.regions[regionIndex];
                for (let environmentIndex = 0; environmentIndex < account.environments.length; environmentIndex++) {
                    if (account.environments[environmentIndex].regions.includes(region))
                        add(layerIndex, accountIndex, regionIndex, environmentIndex);
                }
            }
        }
    }
    placement.layerStart.push(position);
    return placement;
}
/**
 * The instances, each made once and whole: its backend and vars rendered, its `dependsOn` the ids of its
 * edges (none when the dependencies could not be resolved: such a graph is never returned). This is the loop
 * that runs once per instance: the token values object is reused.
 */
function createInstances(manifest, placement, dependsOn) {
    const { accounts, layers } = manifest;
    const globalRegion = manifest.backend.globalRegion;
    const roles = new Map(manifest.regions.map((region) => [region.name, region.role]));
    const globalRole = roles.get(globalRegion);
    const renderBackend = compileRegionalBackend(manifest.backend);
    const renderVars = layers.map((layer) => containsTokens(layer.vars) ? compileValue(layer.vars) : undefined);
    // Read by the renderers while rendering one instance, never kept.
    const values = {
        id: '',
        layer: '',
        scope: '',
        account: '',
        account_id: '',
        region: '',
        environment: '',
        role: '',
    };
    const { ids } = placement;
    const instances = new Array(ids.length);
    for (let position = 0; position < ids.length; position++) {
        const layer = layers[placement.layerOf[position]];
        const accountIndex = placement.account[position];
        const regionIndex = placement.accountRegion[position];
        const environmentIndex = placement.accountEnvironment[position];
        const account = accountIndex < 0 ? null : accounts[accountIndex];
        const region = regionIndex < 0 ? null : account.regions[regionIndex];
        const environment = environmentIndex < 0 ? null : account.environments[environmentIndex].name;
        const role = region === null ? null : roles.get(region);
        const id = ids[position];
        values.id = id;
        values.layer = layer.name;
        values.scope = layer.scope;
        values.account = account === null ? 'global' : account.name;
        values.account_id = account === null ? 'global' : account.id;
        values.region = region ?? globalRegion;
        values.environment = environment ?? 'global';
        values.role = role ?? globalRole;
        const render = renderVars[placement.layerOf[position]];
        instances[position] = {
            id,
            layer: layer.name,
            scope: layer.scope,
            account: account === null ? null : account.name,
            accountId: account === null ? null : account.id,
            region,
            environment,
            role,
            path: layer.path,
            dependsOn: dependsOn ? idListsOf(dependsOn, ids, position) : [],
            backend: renderBackend(values),
            vars: render ? render(values) : layer.vars,
        };
    }
    return instances;
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/dependency-resolver.js



function groupIn(table, key) {
    if (table.dense)
        return key < table.dense.length ? table.dense[key] : -1;
    return table.sparse.get(key) ?? -1;
}
const SAME = -1;
const FREE = -2;
/**
 * Resolves `depends_on` entries to instance positions. Each selector groups its target layer's instances by
 * the coordinates it fixes, once per pattern, so a large estate is not scanned per instance.
 */
class DependencyResolver {
    manifest;
    placement;
    cells;
    primary;
    indexes = new Map();
    selectors = new Map();
    layerPositions = new Map();
    constructor(manifest, placement, cells) {
        this.manifest = manifest;
        this.placement = placement;
        this.cells = cells;
        this.primary = primaryRegionOf(manifest);
        manifest.layers.forEach((layer, index) => this.layerPositions.set(layer.name, index));
    }
    selector(dependency, target) {
        let selector = this.selectors.get(dependency);
        if (selector)
            return selector;
        const coordinates = SCOPE_COORDINATES[target.scope];
        let isEmpty = false;
        const source = (coordinate, names) => {
            if (!coordinates.includes(coordinate))
                return FREE;
            const value = dependency[coordinate];
            if (value === 'all')
                return FREE;
            if (value === 'same')
                return SAME;
            const index = names.get(value === 'primary' ? this.primary : value);
            if (index === undefined)
                isEmpty = true;
            return index ?? FREE;
        };
        const account = source('account', this.cells.accounts);
        const region = source('region', this.cells.regions);
        const environment = source('environment', this.cells.environments);
        const pattern = `${target.name}|${String(account !== FREE)}|${String(region !== FREE)}|${String(environment !== FREE)}`;
        let index = this.indexes.get(pattern);
        if (!index) {
            index = this.targetIndex(target, account !== FREE, region !== FREE, environment !== FREE);
            this.indexes.set(pattern, index);
        }
        selector = { account, region, environment, isEmpty, index };
        this.selectors.set(dependency, selector);
        return selector;
    }
    /**
     * The group of target instances a selector picks for each instance from position `start` to `end` (-1 for
     * none). One tight loop: this runs once per instance and dependency. Its key is Cells.key with the
     * selector's fixed coordinates folded into a constant.
     */
    groupsOf(selector, start, end) {
        const groups = new Int32Array(end - start);
        if (selector.isEmpty)
            return groups.fill(-1);
        const factors = this.cells.factors();
        let constant = 0;
        const own = [0, 0, 0];
        [selector.account, selector.region, selector.environment].forEach((from, coordinate) => {
            if (from === SAME)
                own[coordinate] = factors[coordinate];
            else if (from !== FREE)
                constant += factors[coordinate] * (from + 1);
        });
        const [byAccount, byRegion, byEnvironment] = own;
        const { account, region, environment } = this.placement;
        const { dense, sparse } = selector.index.groups;
        for (let position = start; position < end; position++) {
            const key = constant +
                byAccount * (account[position] + 1) +
                byRegion * (region[position] + 1) +
                byEnvironment * (environment[position] + 1);
            groups[position - start] = dense ? (key < dense.length ? dense[key] : -1) : (sparse.get(key) ?? -1);
        }
        return groups;
    }
    /** Why a dependency selects nothing for an instance. */
    whyUnresolved(position, dependency, target) {
        const id = this.placement.ids[position];
        const own = coordinatesAt(this.manifest, this.placement, position);
        const coordinates = SCOPE_COORDINATES[target.scope];
        const fixed = {};
        let isFanIn = false;
        for (const coordinate of coordinates) {
            const value = dependency[coordinate];
            if (value === 'all')
                isFanIn = true;
            else if (value === 'same')
                fixed[coordinate] = own[coordinate];
            else if (value === 'primary')
                fixed[coordinate] = this.primary;
            else
                fixed[coordinate] = value;
        }
        if (isFanIn) {
            return `'${id}' depends on every matching instance of '${target.name}', but none exists`;
        }
        const missing = instanceId(target.name, fixed.account ?? null, fixed.region ?? null, fixed.environment ?? null);
        const selector = coordinates.map((coordinate) => `${coordinate} ${String(fixed[coordinate])}`).join(', ');
        return `'${id}' depends on '${target.name}' in ${selector}, but there is no such instance ('${missing}'): ${whyMissing(fixed, this.manifest)}`;
    }
    targetIndex(target, byAccount, byRegion, byEnvironment) {
        const { placement, cells } = this;
        const layerIndex = this.layerPositions.get(target.name);
        const first = placement.layerStart[layerIndex];
        const end = placement.layerStart[layerIndex + 1];
        // Keys can pass 2^31 in a large enough estate: doubles hold them exactly.
        const keys = new Float64Array(end - first);
        const groupOf = new Int32Array(end - first);
        let largest = 0;
        for (let position = first; position < end; position++) {
            const key = cells.key(byAccount ? placement.account[position] : -1, byRegion ? placement.region[position] : -1, byEnvironment ? placement.environment[position] : -1);
            keys[position - first] = key;
            if (key > largest)
                largest = key;
        }
        const groups = largest < 4 * (end - first) + 1024
            ? { dense: new Int32Array(largest + 1).fill(-1), sparse: undefined }
            : { dense: undefined, sparse: new Map() };
        const sizes = [];
        for (let position = first; position < end; position++) {
            const key = keys[position - first];
            let group = groupIn(groups, key);
            if (group < 0) {
                group = sizes.length;
                if (groups.dense)
                    groups.dense[key] = group;
                else
                    groups.sparse.set(key, group);
                sizes.push(0);
            }
            sizes[group]++;
            groupOf[position - first] = group;
        }
        const groupStart = new Int32Array(sizes.length + 1);
        sizes.forEach((size, group) => (groupStart[group + 1] = groupStart[group] + size));
        const next = groupStart.slice(0, sizes.length);
        const members = new Int32Array(end - first);
        for (let position = first; position < end; position++) {
            members[next[groupOf[position - first]]++] = position;
        }
        return { groups, groupStart, members };
    }
}
function whyMissing(fixed, manifest) {
    const account = manifest.accounts.find((candidate) => candidate.name === fixed.account);
    if (fixed.account !== undefined && !account)
        return `there is no account '${fixed.account}'`;
    if (account && fixed.region !== undefined && !account.regions.includes(fixed.region)) {
        return `account '${account.name}' does not have region '${fixed.region}'`;
    }
    if (account && fixed.environment !== undefined) {
        const environment = account.environments.find((candidate) => candidate.name === fixed.environment);
        if (!environment)
            return `account '${account.name}' has no environment '${fixed.environment}'`;
        if (fixed.region !== undefined && !environment.regions.includes(fixed.region)) {
            return `environment '${environment.name}' does not run in region '${fixed.region}'`;
        }
    }
    return 'check the selector';
}
function instanceId(layer, account, region, environment) {
    // Joined, not concatenated: ids are kept for every instance, and `+` keeps each id as a tree of pieces.
    const parts = [];
    if (account !== null)
        parts.push(account);
    if (region !== null)
        parts.push(region);
    if (environment !== null)
        parts.push(environment);
    parts.push(layer);
    return parts.join('/');
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/find-cycle.js
/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */



/**
 * A dependency cycle as a path of ids that starts and ends at the same instance (`a -> b -> a`), or
 * undefined.
 */
function findCycle(instances, byId) {
    const positions = new Map();
    instances.forEach((instance, position) => positions.set(instance.id, position));
    const { edges, counts } = edgesOfLists(instances, (instance) => instance.dependsOn, (id) => (byId.has(id) ? positions.get(id) : undefined));
    // Kahn's algorithm is cheaper than the search, which only runs to name the cycle when there is one.
    if (topologicalLevels(counts, reverseEdges(instances.length, edges)))
        return undefined;
    return cycleAmong(edges)?.map((position) => itemAt(instances, position, 'instance').id);
}
/**
 * A cycle among positions (`[a, b, a]`), or undefined: the first one a depth-first search meets, in position
 * and edge order. Iterative, so a deep graph cannot overflow the stack.
 */
function cycleAmong(dependsOn) {
    const count = dependsOn.start.length - 1;
    // 0: not seen, 1: on the search path, 2: done.
    const state = new Uint8Array(count);
    const stack = [];
    const next = [];
    for (let root = 0; root < count; root++) {
        if (state[root] !== 0)
            continue;
        stack.push(root);
        next.push(dependsOn.start[root]);
        state[root] = 1;
        while (stack.length > 0) {
            const top = stack.length - 1;
            const position = stack[top];
            if (next[top] >= dependsOn.start[position + 1]) {
                state[position] = 2;
                stack.pop();
                next.pop();
                continue;
            }
            const dependency = dependsOn.targets[next[top]++];
            if (state[dependency] === 1)
                return [...stack.slice(stack.indexOf(dependency)), dependency];
            if (state[dependency] === 0) {
                state[dependency] = 1;
                stack.push(dependency);
                next.push(dependsOn.start[dependency]);
            }
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __nccwpck_require__(2463);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./build/tsc/core/manifest/closest-name.js

/** The candidate within a small edit distance of `value`, to suggest in "did you mean" hints. */
function closestName(value, candidates) {
    let best;
    let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
    for (const candidate of candidates) {
        if (candidate === value)
            continue;
        const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
function editDistance(a, b) {
    // Rows of b.length + 1 distances, made at that length, so every index read is in range.
    let previous = Int32Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = new Int32Array(b.length + 1);
        current[0] = i;
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(lookup_itemAt(previous, j, 'distance') + 1, lookup_itemAt(current, j - 1, 'distance') + 1, lookup_itemAt(previous, j - 1, 'distance') + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return lookup_itemAt(previous, b.length, 'distance');
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/layer-path.js
/**
 * A layer path must be relative and stay inside the manifest's directory: it becomes a working directory
 * for Terraform, and a manifest from a pull request must not point Strata at files elsewhere on the runner.
 */
function checkLayerPath(path, pathExists) {
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\\')) {
        return `path '${path}' must be relative to the manifest's directory, with '/' separators`;
    }
    let depth = 0;
    for (const part of path.split('/')) {
        if (part === '..')
            depth--;
        else if (part !== '' && part !== '.')
            depth++;
        if (depth < 0) {
            return `path '${path}' leaves the manifest's directory; layer code must live inside it`;
        }
    }
    if (depth === 0)
        return `path '${path}' is the manifest's directory itself; point it at the layer's code directory`;
    if (pathExists && !pathExists(path)) {
        return `path '${path}' does not exist (paths are relative to the manifest's directory)`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/schema.js
/**
 * The JSON Schema of `layers.yml`, version 1. `schema/layers.schema.json` is written from this object
 * (`npm run schema`) and a test keeps the two equal, so editors and Strata check the same rules.
 */
/** Names end up in state paths, ids, CLI arguments and job names: keep them to characters safe everywhere. */
const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$';
const NAME_RULE = 'letters, digits, "-" and "_", starting with a letter or digit, at most 63 characters';
/** Words with a meaning in dependency selectors, so they cannot name a region, account or environment. */
const RESERVED_NAMES = ['same', 'all', 'primary'];
const schema_name = { type: 'string', pattern: NAME_PATTERN };
const declaredName = { ...schema_name, not: { enum: [...RESERVED_NAMES] } };
const nameList = { type: 'array', items: schema_name, uniqueItems: true };
const DURATION_PATTERN = '^([0-9]+(\\.[0-9]+)?(ns|us|ms|s|m|h))+$';
const DURATION_RULE = 'a duration such as "30s", "5m" or "1h30m"';
const duration = { type: 'string', pattern: DURATION_PATTERN };
const scalar = { type: ['string', 'number', 'boolean'] };
const DR_STRATEGIES = ['backup_restore', 'pilot_light', 'warm_standby'];
const strategy = {
    enum: [...DR_STRATEGIES],
    description: 'backup_restore: secondary regions hold only the layers marked standby; pilot_light and warm_standby: environment layers also run there, with role "standby".',
};
const environment = {
    type: 'object',
    additionalProperties: false,
    properties: {
        regions: {
            ...nameList,
            minItems: 1,
            description: 'Regions this environment may run in, its DR target included; default: all regions of its account.',
        },
        strategy,
    },
};
const dependency = {
    type: ['string', 'object'],
    pattern: NAME_PATTERN,
    description: 'A layer name (its instance in the same cell), or a selector: {layer, account, region, environment, as}.',
    additionalProperties: false,
    required: ['layer'],
    properties: {
        layer: schema_name,
        account: { ...schema_name, description: '"same" (default), "all", or an account name.' },
        region: { ...schema_name, description: '"same" (default), "all", "primary", or a region name.' },
        environment: { ...schema_name, description: '"same" (default), "all", or an environment name.' },
        as: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
            description: 'Name of the variable that receives these outputs; default: the layer name.',
        },
    },
};
const manifestSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Strata layers manifest',
    description: 'Layers, their scopes and dependencies, accounts, regions, environments and the region-keyed state backend.',
    type: 'object',
    additionalProperties: false,
    required: ['version', 'backend', 'regions', 'accounts', 'layers'],
    properties: {
        version: { const: 1, description: 'Manifest format version.' },
        terraform: {
            type: 'object',
            additionalProperties: false,
            properties: {
                binary: { type: 'string', minLength: 1, description: '"terraform" (default) or "tofu", or a path.' },
                lock_timeout: {
                    ...duration,
                    description: 'How long Terraform waits for a state lock. Default "5m".',
                },
                parallelism: {
                    type: 'integer',
                    minimum: 1,
                    maximum: 256,
                    description: 'Instances run at once. Default 4.',
                },
                command_timeout: {
                    ...duration,
                    description: 'Longest one Terraform command may run before it is interrupted (then killed after a grace period). Default: no limit.',
                },
            },
        },
        dr: {
            type: 'object',
            additionalProperties: false,
            properties: {
                strategy: {
                    ...strategy,
                    description: 'Default DR strategy of every environment. Default backup_restore.',
                },
                rpo: {
                    ...duration,
                    description: "Recovery point objective: the most data (as time) a failover may lose. A drill fails when a layer's published strata_recovery_point output is older. Default: not checked.",
                },
            },
        },
        backend: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'config', 'global_region'],
            properties: {
                type: { type: 'string', pattern: '^[a-z][a-z0-9_]*$', description: 'Any Terraform backend type.' },
                config: {
                    type: 'object',
                    additionalProperties: scalar,
                    description: 'Partial backend configuration, rendered per instance. Tokens: {id} {layer} {scope} {account} {account_id} {region} {environment} {role}.',
                },
                region_config: {
                    type: 'object',
                    propertyNames: schema_name,
                    additionalProperties: { type: 'object', additionalProperties: scalar },
                    description: 'Per region, keys that replace or add to config for the state stored in that region (an endpoint, a regional KMS key). Rendered with the same tokens.',
                },
                global_region: {
                    ...schema_name,
                    description: 'Region that keeps the state of global- and account-scoped layers.',
                },
                replicas: {
                    type: 'object',
                    propertyNames: schema_name,
                    additionalProperties: schema_name,
                    description: 'State stored in the key region is replicated to the value region.',
                },
            },
        },
        regions: {
            type: 'object',
            minProperties: 1,
            propertyNames: declaredName,
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                required: ['role'],
                properties: { role: { enum: ['primary', 'secondary'] } },
            },
        },
        accounts: {
            type: 'object',
            minProperties: 1,
            propertyNames: declaredName,
            additionalProperties: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'regions', 'environments'],
                properties: {
                    id: {
                        type: 'string',
                        pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
                        description: 'Cloud account id (quote it).',
                    },
                    regions: { ...nameList, minItems: 1 },
                    environments: {
                        type: ['array', 'object'],
                        items: declaredName,
                        uniqueItems: true,
                        propertyNames: declaredName,
                        additionalProperties: environment,
                    },
                    ephemeral: {
                        type: 'boolean',
                        description: 'This account may host per-pull-request environments (pr-123).',
                    },
                    role_to_assume: {
                        type: 'string',
                        minLength: 1,
                        description: 'Role CI jobs assume for this account (OIDC), passed to the job matrix.',
                    },
                },
            },
        },
        layers: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'scope', 'path'],
                properties: {
                    name: schema_name,
                    scope: { enum: ['global', 'account', 'region', 'environment'] },
                    path: {
                        type: 'string',
                        minLength: 1,
                        description: 'Directory of the layer code, relative to the manifest.',
                    },
                    depends_on: { type: 'array', items: dependency },
                    vars: {
                        type: 'object',
                        description: 'Variables for every instance; string values may use tokens.',
                    },
                    mock_outputs: {
                        type: 'object',
                        description: 'Outputs assumed when planning a dependent before this layer was ever applied. Never used for apply.',
                    },
                    standby: {
                        type: 'boolean',
                        description: 'Whether the layer runs in secondary regions in steady state under backup_restore. Default: true for region layers, false for environment layers.',
                    },
                    failover: {
                        enum: ['apply', 'skip'],
                        description: 'What a failover does with the layer: apply it in the target region, or skip it (it keeps running; its outputs are still read). Default: apply for region and environment layers, skip for global and account layers.',
                    },
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./build/tsc/core/duration.js

/** Go's units (time.ParseDuration, which Terraform uses for `-lock-timeout`), in nanoseconds. */
const UNIT_NS = {
    ns: 1,
    us: 1e3,
    µs: 1e3, // U+00B5 micro sign
    μs: 1e3, // U+03BC Greek mu
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};
// One element: a decimal number (`1`, `1.5`, `.5`, `1.`) and a unit; longer units first so `ms` is not `m`.
const ELEMENT = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|h|m|s)/y;
/**
 * Milliseconds in a Go duration: `500ms`, `30s`, `5m`, `1h30m`, `1.5h`, or a bare `0`. A leading `+` is
 * accepted as Go does; a negative duration is refused, as no timeout or interval can use one. The result
 * can have a fraction below one millisecond (`1500us` is 1.5).
 * `what` names the input in the error, e.g. `Input 'lock-timeout'`.
 */
function parseDuration(text, what = 'A duration') {
    const fail = (why) => new UsageError(`${what} must be ${why} such as '30s', '5m' or '1h30m' (units ns, us, ms, s, m, h), got '${text}'`);
    const source = text.trim();
    if (source === '0')
        return 0;
    if (source.startsWith('-'))
        throw fail('a duration of zero or more');
    const body = source.startsWith('+') ? source.slice(1) : source;
    if (body === '')
        throw fail('a duration');
    let nanoseconds = 0;
    ELEMENT.lastIndex = 0;
    while (ELEMENT.lastIndex < body.length) {
        const match = ELEMENT.exec(body);
        if (!match)
            throw fail('a duration');
        const [, amount, unit] = match;
        // The pattern matches only known units: a unit not in UNIT_NS is a bug in the two.
        const perUnit = unit === undefined ? undefined : UNIT_NS[unit];
        if (perUnit === undefined)
            throw new Error(`Internal error: duration unit '${String(unit)}' not known`);
        nanoseconds += Number(amount) * perUnit;
    }
    // Rounded to whole nanoseconds, as Go keeps them, which also drops float noise (1.1s is 1100, not 1100.0000002).
    return Math.round(nanoseconds) / 1e6;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/parse-manifest.js







/** Names every instance receives as variables; a dependency or a layer var may not take them. */
const CONTEXT_VARIABLES = [
    'account',
    'account_id',
    'region',
    'environment',
    'layer',
    'role',
    'failover',
    'failed_region',
];
let validateSchema;
/**
 * Parses and checks a manifest. Every problem found is reported at once, located in the file, as a
 * ManifestError; a manifest returned from here is internally consistent (names declared, one primary region,
 * dependencies resolvable by layer name). Where each value is written comes back beside it, for the checks
 * that follow (expandManifest) to locate their problems.
 */
function parseManifest(text, file, options = {}) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, {
        lineCounter,
        prettyErrors: false,
        uniqueKeys: true,
        logLevel: 'error',
    });
    const locate = createLocator(document, lineCounter);
    const problems = [];
    const report = (position, message) => problems.push({ file, ...position, message });
    for (const error of document.errors) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        report({ line, column: col }, `YAML syntax: ${firstLine(error.message)}`);
    }
    if (problems.length > 0)
        throw new ManifestError(problems);
    (0,dist/* visit */.YR)(document, {
        Alias(_, alias, path) {
            const target = alias.resolve(document);
            if (target && path.includes(target)) {
                const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
                report({ line, column: col }, `YAML: alias *${alias.source} refers to a value that contains it (a cycle); copy the value instead`);
            }
        },
        Node(_, node) {
            if (node.tag === 'tag:yaml.org,2002:set' || node.tag === 'tag:yaml.org,2002:omap') {
                const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
                report({ line, column: col }, `YAML: the tag ${node.tag.slice(node.tag.lastIndexOf(':') + 1)} is not supported here; use a plain list or map`);
            }
        },
    });
    if (problems.length > 0)
        throw new ManifestError(problems);
    let data;
    try {
        data = document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        report({ line: 1, column: 1 }, `YAML: ${error instanceof Error ? error.message : String(error)}`);
        throw new ManifestError(problems);
    }
    // Compiling is a fixed cost of every run (half of it at 1,000 instances): the schema is a constant that the
    // tests compile and check against the meta-schema, so skip that check here, and the optimisation pass,
    // which only tidies the generated code.
    validateSchema ??= new ajv.Ajv({
        allErrors: true,
        strict: true,
        allowUnionTypes: true,
        verbose: true,
        validateSchema: false,
        code: { optimize: false },
    }).compile(manifestSchema);
    if (!validateSchema(data)) {
        for (const error of schemaErrorsWorthReporting(validateSchema.errors ?? [])) {
            const { path, message } = describeSchemaError(error);
            report(locate(path), message);
        }
        throw new ManifestError(problems);
    }
    const manifest = buildManifest(data, file, locate, report, options);
    if (problems.length > 0)
        throw new ManifestError(problems);
    return { manifest, locations: { locate } };
}
function buildManifest(raw, file, locate, report, options) {
    const regions = Object.entries(raw.regions).map(([name, value]) => ({
        name,
        role: value.role,
    }));
    const regionNames = new Set(regions.map((region) => region.name));
    const checkRegion = (region, path, what) => {
        if (!regionNames.has(region)) {
            report(locate(path), `${what} '${region}' is not declared under 'regions'${suggest(region, regionNames)}`);
        }
    };
    const primaries = regions.filter((region) => region.role === 'primary');
    if (primaries.length === 0) {
        report(locate(['regions']), "no region has 'role: primary'; mark exactly one region as primary");
    }
    const [primary, ...extras] = primaries;
    for (const extra of extras) {
        report(locate(['regions', extra.name, 'role']), `regions '${String(primary?.name)}' and '${extra.name}' are both primary; exactly one region may be primary`);
    }
    checkRegion(raw.backend.global_region, ['backend', 'global_region'], 'backend.global_region');
    const replicas = raw.backend.replicas ?? {};
    for (const [source, replica] of Object.entries(replicas)) {
        checkRegion(source, ['backend', 'replicas', source], 'replicated region');
        checkRegion(replica, ['backend', 'replicas', source], 'replica region');
        if (source === replica) {
            report(locate(['backend', 'replicas', source]), `region '${source}' cannot be its own replica`);
        }
    }
    const regionConfig = raw.backend.region_config ?? {};
    for (const region of Object.keys(regionConfig)) {
        checkRegion(region, ['backend', 'region_config', region], 'backend.region_config region');
    }
    const defaultStrategy = raw.dr?.strategy ?? 'backup_restore';
    const accounts = Object.entries(raw.accounts).map(([name, account]) => {
        account.regions.forEach((region, index) => {
            checkRegion(region, ['accounts', name, 'regions', index], `region of account '${name}':`);
        });
        const environments = Array.isArray(account.environments)
            ? account.environments.map((environment) => ({
                name: environment,
                regions: [...account.regions],
                strategy: defaultStrategy,
            }))
            : Object.entries(account.environments).map(([environment, settings]) => {
                const narrowed = settings?.regions;
                narrowed?.forEach((region, index) => {
                    if (!account.regions.includes(region)) {
                        report(locate(['accounts', name, 'environments', environment, 'regions', index]), `environment '${environment}' of account '${name}' lists region '${region}', which the account does not have (its regions: ${account.regions.join(', ')})`);
                    }
                });
                return {
                    name: environment,
                    regions: narrowed ? [...narrowed] : [...account.regions],
                    strategy: settings?.strategy ?? defaultStrategy,
                };
            });
        return {
            name,
            id: account.id,
            regions: [...account.regions],
            environments,
            ephemeral: account.ephemeral ?? false,
            roleToAssume: account.role_to_assume ?? null,
        };
    });
    const layers = buildLayers(raw, accounts, regionNames, locate, report, options);
    return {
        file,
        version: 1,
        terraform: {
            binary: raw.terraform?.binary ?? 'terraform',
            lockTimeout: raw.terraform?.lock_timeout ?? '5m',
            parallelism: raw.terraform?.parallelism ?? 4,
            commandTimeoutMs: raw.terraform?.command_timeout === undefined ? null : parseDuration(raw.terraform.command_timeout),
        },
        backend: {
            type: raw.backend.type,
            config: { ...raw.backend.config },
            regionConfig: Object.fromEntries(Object.entries(regionConfig).map(([region, config]) => [region, { ...config }])),
            globalRegion: raw.backend.global_region,
            replicas: { ...replicas },
        },
        regions,
        accounts,
        layers,
        ...(raw.dr?.rpo === undefined
            ? {}
            : { recoveryPointObjective: { text: raw.dr.rpo, ms: parseDuration(raw.dr.rpo) } }),
    };
}
function buildLayers(raw, accounts, regionNames, locate, report, options) {
    const firstIndex = new Map();
    raw.layers.forEach((layer, index) => {
        const first = firstIndex.get(layer.name);
        if (first === undefined)
            firstIndex.set(layer.name, index);
        else {
            report(locate(['layers', index, 'name']), `layer '${layer.name}' is declared twice (first at line ${locate(['layers', first, 'name']).line}); layer names must be unique`);
        }
    });
    const layerNames = new Set(firstIndex.keys());
    const accountNames = new Set(accounts.map((account) => account.name));
    const environmentNames = new Set(accounts.flatMap((account) => account.environments.map((e) => e.name)));
    return raw.layers.map((layer, index) => {
        const at = (...rest) => ['layers', index, ...rest];
        const pathProblem = checkLayerPath(layer.path, options.pathExists);
        if (pathProblem)
            report(locate(at('path')), `layer '${layer.name}': ${pathProblem}`);
        const dependsOn = (layer.depends_on ?? []).map((entry, position) => {
            const spec = typeof entry === 'string' ? { layer: entry } : entry;
            const path = at('depends_on', position);
            if (!layerNames.has(spec.layer)) {
                report(locate(typeof entry === 'string' ? path : [...path, 'layer']), `layer '${layer.name}' depends on unknown layer '${spec.layer}'${suggest(spec.layer, layerNames)}`);
            }
            else if (spec.layer === layer.name && typeof entry === 'string') {
                report(locate(path), `layer '${layer.name}' depends on itself`);
            }
            const checkSelector = (key, allowed, declared) => {
                const value = spec[key];
                if (value !== undefined && !allowed.includes(value) && !declared.has(value)) {
                    report(locate([...path, key]), `depends_on ${key} '${value}' is neither ${allowed.map((word) => `'${word}'`).join(', ')} nor a declared ${key}${suggest(value, declared)}`);
                }
            };
            checkSelector('account', ['same', 'all'], accountNames);
            checkSelector('region', ['same', 'all', 'primary'], regionNames);
            checkSelector('environment', ['same', 'all'], environmentNames);
            return {
                layer: spec.layer,
                account: spec.account ?? 'same',
                region: spec.region ?? 'same',
                environment: spec.environment ?? 'same',
                variable: spec.as ?? spec.layer,
                at: path,
            };
        });
        checkVariableNames(layer.name, dependsOn, layer.vars ?? {}, at, locate, report);
        return {
            name: layer.name,
            scope: layer.scope,
            path: normaliseLayerPath(layer.path),
            dependsOn,
            vars: layer.vars ?? {},
            mockOutputs: layer.mock_outputs ?? {},
            standby: layer.standby ?? layer.scope !== 'environment',
            failover: layer.failover ?? (layer.scope === 'region' || layer.scope === 'environment' ? 'apply' : 'skip'),
            index,
        };
    });
}
/** Each dependency arrives as one variable; it may not shadow the context, a layer var or another dependency. */
function checkVariableNames(layer, dependsOn, vars, at, locate, report) {
    const context = new Set(CONTEXT_VARIABLES);
    for (const key of Object.keys(vars)) {
        if (context.has(key)) {
            report(locate(at('vars', key)), `layer '${layer}': var '${key}' is set by Strata for every instance (${CONTEXT_VARIABLES.join(', ')}); rename it`);
        }
    }
    const taken = new Map();
    dependsOn.forEach((dependency, position) => {
        const name = dependency.variable;
        const clash = context.has(name)
            ? 'a context variable Strata sets'
            : name in vars
                ? `a var of layer '${layer}'`
                : taken.has(name)
                    ? `the variable of depends_on[${String(taken.get(name))}]`
                    : undefined;
        if (clash) {
            report(locate(dependency.at), `layer '${layer}': the outputs of '${dependency.layer}' would arrive in variable '${name}', which is already ${clash}; give this dependency another name with 'as: <variable>'`);
        }
        taken.set(name, position);
    });
}
function normaliseLayerPath(path) {
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..')
            parts.pop();
        else
            parts.push(part);
    }
    return parts.join('/') || '.';
}
function suggest(value, candidates) {
    const match = closestName(value, candidates);
    return match ? ` (did you mean '${match}'?)` : '';
}
function firstLine(message) {
    const end = message.indexOf('\n');
    return (end < 0 ? message : message.slice(0, end)).trim();
}
/** Finds where a value (or, for a missing or unknown key, its map) sits in the YAML source. */
function createLocator(document, lineCounter) {
    const position = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { line, column: col };
    };
    return (path) => {
        let node = document.contents;
        let found = position(document.contents?.range?.[0] ?? 0);
        for (const segment of path) {
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = node.items.find((item) => (0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && String(item.key.value) === String(segment));
                if (!pair)
                    break;
                const valueRange = pair.value?.range;
                const keyRange = pair.key.range;
                const range = valueRange ?? keyRange;
                if (range)
                    found = position(range[0]);
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
                const item = node.items[segment];
                if (!item?.range)
                    break;
                found = position(item.range[0]);
                node = item;
            }
            else
                break;
        }
        return found;
    };
}
function pathOf(error) {
    if (error.instancePath === '')
        return [];
    return error.instancePath
        .slice(1)
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
function describePath(path) {
    let text = '';
    for (const segment of path)
        text += typeof segment === 'number' ? `[${segment}]` : text ? `.${segment}` : segment;
    return text || 'the manifest';
}
/** Ajv reports a failed `propertyNames` twice (the inner rule and the wrapper) and `type` once per branch. */
function schemaErrorsWorthReporting(errors) {
    const seen = new Set();
    return errors.filter((error) => {
        if (error.keyword === 'propertyNames' || error.keyword === 'if')
            return false;
        const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function describeSchemaError(error) {
    const path = pathOf(error);
    const propertyName = error.propertyName;
    const where = describePath(path);
    const got = (value) => value === null
        ? 'null'
        : Array.isArray(value)
            ? 'a list'
            : typeof value === 'object'
                ? 'a map'
                : JSON.stringify(value);
    const parent = error.parentSchema;
    switch (error.keyword) {
        case 'required':
            return {
                path,
                message: `${where}: missing required key '${error.params.missingProperty}'`,
            };
        case 'additionalProperties': {
            const key = error.params.additionalProperty;
            const known = Object.keys(parent?.properties ?? {});
            const hint = known.length > 0 ? `${suggest(key, known)}; allowed keys: ${known.join(', ')}` : '';
            return { path: [...path, key], message: `${where}: unknown key '${key}'${hint}` };
        }
        case 'enum':
            return {
                path,
                message: `${where}: must be one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}, got ${got(error.data)}`,
            };
        case 'const':
            return {
                path,
                message: `${where}: must be ${JSON.stringify(error.params.allowedValue)}, got ${got(error.data)}`,
            };
        case 'type':
            return {
                path,
                message: `${where}: must be ${describeType(error.params.type)}, got ${got(error.data)}`,
            };
        case 'pattern': {
            if (propertyName !== undefined) {
                return {
                    path: [...path, propertyName],
                    message: `${where}: '${propertyName}' is not a valid name: use ${NAME_RULE}`,
                };
            }
            const pattern = error.params.pattern;
            const rule = PATTERN_RULES[pattern] ?? `a value matching ${pattern}`;
            return { path, message: `${where}: ${got(error.data)} is not allowed: use ${rule}` };
        }
        case 'not':
            return {
                path: propertyName !== undefined ? [...path, propertyName] : path,
                message: `${where}: '${propertyName ?? String(error.data)}' is a reserved word (${RESERVED_NAMES.join(', ')}) and cannot be a name`,
            };
        case 'uniqueItems':
            return {
                path,
                message: `${where}: lists the same value twice (items ${error.params.j} and ${error.params.i})`,
            };
        default:
            return { path, message: `${where}: ${error.message ?? 'is not valid'}` };
    }
}
const PATTERN_RULES = {
    [NAME_PATTERN]: NAME_RULE,
    [DURATION_PATTERN]: DURATION_RULE,
};
function describeType(type) {
    const words = {
        object: 'a map',
        array: 'a list',
        string: 'a string',
        integer: 'a whole number',
        number: 'a number',
        boolean: 'true or false',
    };
    return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/graph-problems.js




/** Rules that depend only on the two layers' scopes, checked once per dependency rather than per instance. */
function checkDependencyShape(layer, dependency, target, report) {
    const targetCoordinates = SCOPE_COORDINATES[target.scope];
    const ownCoordinates = SCOPE_COORDINATES[layer.scope];
    let ok = true;
    for (const coordinate of COORDINATES) {
        const value = dependency[coordinate];
        if (!targetCoordinates.includes(coordinate)) {
            if (value !== 'same') {
                report([...dependency.at, coordinate], `layer '${layer.name}' selects ${coordinate} '${value}' of '${target.name}', but '${target.name}' is ${target.scope}-scoped and has no ${coordinate}; remove '${coordinate}' from this dependency`);
                ok = false;
            }
        }
        else if (value === 'same' && !ownCoordinates.includes(coordinate)) {
            const choices = coordinate === 'region' ? `'primary', 'all' or a region name` : `'all' or an ${coordinate} name`;
            report(dependency.at, `layer '${layer.name}' (${layer.scope} scope) depends on '${target.name}' (${target.scope} scope), which has one instance per ${coordinate}; ${layer.scope}-scoped instances have no ${coordinate} of their own, so say which: {layer: ${target.name}, ${coordinate}: ${choices}}`);
            ok = false;
        }
    }
    return ok;
}
/** A cycle of positions, reported at the `depends_on` entry of its first edge. */
function reportCycle(cycle, manifest, placement, report) {
    const layerAt = (position) => lookup_itemAt(manifest.layers, lookup_itemAt(placement.layerOf, position, 'layer index'), 'layer');
    // A cycle has two instances at least (a layer depending on itself is refused when parsed).
    const layer = layerAt(lookup_itemAt(cycle, 0, 'cycle member'));
    const next = layerAt(lookup_itemAt(cycle, 1, 'cycle member'));
    const edge = layer.dependsOn.find((dependency) => dependency.layer === next.name);
    report(edge?.at ?? ['layers', layer.index, 'depends_on'], `dependency cycle: ${cycle.map((position) => lookup_itemAt(placement.ids, position, 'id')).join(' -> ')} (layers ${cycle.map((position) => layerAt(position).name).join(' -> ')}); remove one of these dependencies`);
}
function checkTokens(manifest, report) {
    const check = (value, path) => {
        if (typeof value === 'string') {
            for (const token of unknownTokens(value)) {
                report(path, `${describePath(path)}: unknown token '{${token}}'; tokens are {id} {layer} {scope} {account} {account_id} {region} {environment} {role}`);
            }
        }
        else if (Array.isArray(value))
            value.forEach((item, index) => {
                check(item, [...path, index]);
            });
        else if (value !== null && typeof value === 'object') {
            for (const [key, item] of Object.entries(value))
                check(item, [...path, key]);
        }
    };
    check(manifest.backend.config, ['backend', 'config']);
    check(manifest.backend.regionConfig, ['backend', 'region_config']);
    for (const layer of manifest.layers)
        check(layer.vars, ['layers', layer.index, 'vars']);
}
function checkStateLocations(manifest, instances, report) {
    const location = compileStateLocation(manifest.backend);
    if (location.isUnique)
        return;
    const owners = new Map();
    const clashes = [];
    for (const instance of instances) {
        const key = location.key(instance.backend);
        const owner = owners.get(key);
        if (owner === undefined)
            owners.set(key, instance.id);
        else
            clashes.push(`'${owner}' and '${instance.id}'`);
    }
    const [clash] = clashes;
    if (clash !== undefined) {
        const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more pair${clashes.length > 2 ? 's' : ''})` : '';
        report(['backend', 'config'], `instances ${clash} would share one state location${more}; every instance needs its own: put {id} (or every coordinate that tells them apart) into backend.config`);
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/graph/expand-manifest.js










/**
 * Expands a manifest into its layer instances and the dependency edges between them, renders each
 * instance's backend and vars, and checks the result: every dependency resolves to existing instances, the
 * graph has no cycle, and no two instances share a state location. Problems are reported together.
 *
 * Large estates (100,000 instances) shape the implementation: instances are numbered by position, their
 * coordinates by index, and dependencies are resolved, deduplicated and checked for cycles as integers
 * (the compiled graph), so the only strings made per instance are the ones it keeps.
 *
 * `locations` places the problems in the file; a manifest derived from the parsed one (an ephemeral
 * environment added, the roles swapped) keeps the parsed one's locations.
 */
function expandManifest({ manifest, locations }) {
    const problems = [];
    const report = (path, message) => problems.push({ file: manifest.file, ...locations.locate(path), message });
    checkTokens(manifest, report);
    if (problems.length > 0)
        throw new ManifestError(problems);
    const cells = new Cells(manifest);
    const placement = placeInstances(manifest, cells);
    const layersByName = new Map(manifest.layers.map((layer) => [layer.name, layer]));
    const resolver = new DependencyResolver(manifest, placement, cells);
    // Per layer, each accepted dependency's group (see TargetIndex) for each of the layer's instances.
    const resolvedByLayer = [];
    const entries = [];
    manifest.layers.forEach((layer, layerIndex) => {
        // layerStart has one entry per layer and one past the last.
        const start = lookup_itemAt(placement.layerStart, layerIndex, 'layer start');
        const end = lookup_itemAt(placement.layerStart, layerIndex + 1, 'layer end');
        const resolved = [];
        const inputs = [];
        for (const dependency of layer.dependsOn) {
            const target = lookup_getOrThrow(layersByName, dependency.layer, 'layer');
            if (!checkDependencyShape(layer, dependency, target, report))
                continue;
            const selector = resolver.selector(dependency, target);
            const groups = resolver.groupsOf(selector, start, end);
            let failures = 0;
            let firstFailure = -1;
            // groups has one entry per instance of the layer, start to end.
            let position = start;
            for (const group of groups) {
                if (group < 0 && failures++ === 0)
                    firstFailure = position;
                position++;
            }
            if (failures > 0) {
                const more = failures > 1 ? ` (and ${failures - 1} more instance${failures > 2 ? 's' : ''})` : '';
                report(dependency.at, `${resolver.whyUnresolved(firstFailure, dependency, target)}${more}`);
            }
            resolved.push({ selector, groups });
            inputs.push({
                variable: dependency.variable,
                fanIn: SCOPE_COORDINATES[target.scope].filter((coordinate) => dependency[coordinate] === 'all'),
                groups,
                groupStart: selector.index.groupStart,
                members: selector.index.members,
            });
        }
        resolvedByLayer.push(resolved);
        entries.push(inputs);
    });
    let compiled;
    if (problems.length === 0) {
        compiled = compileEdges(placement.ids, collectDependencies(placement, resolvedByLayer));
        if (!compiled.topology) {
            const cycle = cycleAmong(compiled.dependsOn);
            if (cycle)
                reportCycle(cycle, manifest, placement, report);
        }
    }
    const instances = createInstances(manifest, placement, compiled?.dependsOn);
    checkStateLocations(manifest, instances, report);
    if (problems.length > 0 || !compiled?.topology)
        throw new ManifestError(problems);
    return new ExpandedGraph(instances, compiled, {
        layerOf: placement.layerOf,
        layerStart: placement.layerStart,
        entries,
    });
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/ephemeral-environment.js




/**
 * The manifest with a per-pull-request environment (such as `pr-123`) added to every account marked
 * `ephemeral: true`, in the primary region (or the account's first region when it lacks the primary): a
 * preview environment needs no disaster-recovery copy. The name often comes from event data, so it is checked
 * by the same rule as every other name.
 */
function withEphemeralEnvironment(manifest, name) {
    if (!new RegExp(NAME_PATTERN).test(name)) {
        throw new UsageError(`Ephemeral environment name '${name}' is not allowed: use ${NAME_RULE}`);
    }
    const hosts = manifest.accounts.filter((account) => account.ephemeral);
    if (hosts.length === 0) {
        throw new UsageError(`No account may host ephemeral environment '${name}': mark one with 'ephemeral: true' in ${manifest.file}`);
    }
    const primary = primaryRegionOf(manifest);
    return {
        ...manifest,
        accounts: manifest.accounts.map((account) => {
            if (!account.ephemeral)
                return account;
            if (account.environments.some((environment) => environment.name === name)) {
                throw new UsageError(`Ephemeral environment '${name}' clashes with environment '${name}' that account '${account.name}' declares`);
            }
            // The schema gives every account at least one region.
            const region = account.regions.includes(primary) ? primary : lookup_itemAt(account.regions, 0, 'region');
            // One region only: a preview environment has no DR target, whatever the strategy.
            return {
                ...account,
                environments: [
                    ...account.environments,
                    { name, regions: [region], strategy: 'backup_restore' },
                ],
            };
        }),
    };
}

;// CONCATENATED MODULE: ./build/tsc/adapters/load-manifest.js






/**
 * Reads, checks and expands a manifest file (`file` as the user gave it, relative to `cwd`, and so named in
 * messages). Throws ManifestError (located problems) or UsageError.
 */
function loadManifest(file, cwd, options = {}) {
    const absolute = external_node_path_namespaceObject.resolve(cwd, file);
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(absolute, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new UsageError((name) => code === 'ENOENT'
            ? `Manifest '${file}' not found; give its path with ${name('manifest')} (default: layers.yml)`
            : `Cannot read manifest '${file}': ${error.message}`);
    }
    const directory = external_node_path_namespaceObject.dirname(absolute);
    const pathExists = (relativePath) => {
        try {
            return (0,external_node_fs_namespaceObject.statSync)(external_node_path_namespaceObject.join(directory, relativePath)).isDirectory();
        }
        catch {
            return false;
        }
    };
    const parsed = parseManifest(text, file, { pathExists });
    const { locations } = parsed;
    const manifest = options.ephemeralEnvironment
        ? withEphemeralEnvironment(parsed.manifest, options.ephemeralEnvironment)
        : parsed.manifest;
    return { manifest, locations, graph: expandManifest({ manifest, locations }), directory };
}

;// CONCATENATED MODULE: ./build/tsc/terraform/variables.js

/** The variables a layer declares, by name, from its `.tf` (and `.tf.json`) files. */
function declaredVariables(files) {
    const variables = new Map();
    for (const block of files.flatMap(topLevelBlocks)) {
        const [name, ...more] = block.labels;
        if (block.type !== 'variable' || name === undefined || more.length > 0)
            continue;
        const sensitive = block.attributes.get('sensitive');
        variables.set(name, { sensitive: sensitive === true || sensitive === 'true' });
    }
    return variables;
}
/** The outputs a layer declares: when its state has none of them, it has never been applied. */
function declaredOutputs(files) {
    const outputs = new Set();
    for (const block of files.flatMap(topLevelBlocks)) {
        const [name, ...more] = block.labels;
        if (block.type === 'output' && name !== undefined && more.length === 0)
            outputs.add(name);
    }
    return outputs;
}
/**
 * The local `source` paths (`./x`, `../x`) of a layer's top-level `module` blocks, each once, in file order:
 * a change under one of them changes the layer. Registry and git sources are left out.
 */
function moduleSources(files) {
    const sources = new Set();
    for (const block of files.flatMap(topLevelBlocks)) {
        const source = block.attributes.get('source');
        if (block.type !== 'module' || typeof source !== 'string')
            continue;
        if (source.startsWith('./') || source.startsWith('../'))
            sources.add(source);
    }
    return [...sources];
}
function topLevelBlocks(file) {
    return file.name.endsWith('.json') ? jsonBlocks(file.text) : hclBlocks(file.text);
}
function hclBlocks(text) {
    const blocks = [];
    let depth = 0;
    let header = [];
    let line = [];
    let current;
    const endLine = () => {
        const [name, equals, value, ...more] = line;
        if (current && name?.kind === 'ident' && equals?.kind === 'equals' && value && more.length === 0) {
            const literal = literalOf(value);
            if (literal !== undefined)
                current.attributes.set(name.text, literal);
        }
        line = [];
    };
    for (const token of tokenize(text)) {
        if (depth === 0) {
            if (token.kind === 'open' && token.text === '{') {
                const [type, ...labels] = header;
                const isBlock = type?.kind === 'ident' && labels.every((t) => t.kind === 'ident' || isPlainString(t));
                current = isBlock
                    ? { type: type.text, labels: labels.map((t) => t.text), attributes: new Map() }
                    : undefined;
                if (current)
                    blocks.push(current);
                header = [];
                line = [];
            }
            else if (token.kind === 'newline')
                header = [];
            else
                header.push(token);
        }
        else if (depth === 1) {
            if (token.kind === 'newline')
                endLine();
            else if (token.kind === 'close')
                endLine();
            else
                line.push(token);
        }
        if (token.kind === 'open')
            depth++;
        else if (token.kind === 'close')
            depth = Math.max(0, depth - 1);
    }
    return blocks;
}
function literalOf(token) {
    if (isPlainString(token))
        return token.text;
    if (token.kind === 'ident' && (token.text === 'true' || token.text === 'false'))
        return token.text === 'true';
    return undefined;
}
function isPlainString(token) {
    return token.kind === 'string' && !token.isTemplate;
}
/** Terraform's JSON syntax: `{"variable": {"name": {...}}}`, or a list of such objects under the block type. */
function jsonBlocks(text) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        return []; // Terraform itself will report the broken file.
    }
    const blocks = [];
    if (!variables_isRecord(document))
        return blocks;
    for (const type of ['variable', 'module']) {
        const groups = document[type];
        for (const group of Array.isArray(groups) ? groups : [groups]) {
            if (!variables_isRecord(group))
                continue;
            for (const [label, body] of Object.entries(group)) {
                const attributes = new Map();
                for (const [key, value] of Object.entries(variables_isRecord(body) ? body : {})) {
                    // A JSON string is a template: one with `${` is not a literal.
                    if (typeof value === 'boolean' || (typeof value === 'string' && !value.includes('${'))) {
                        attributes.set(key, value);
                    }
                }
                blocks.push({ type, labels: [label], attributes });
            }
        }
    }
    return blocks;
}
function variables_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const ESCAPES = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
function tokenize(text) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        const c = text.charAt(i);
        const next = text.charAt(i + 1);
        if (c === '\n') {
            tokens.push({ kind: 'newline', text: c });
            i++;
        }
        else if (c === ' ' || c === '\t' || c === '\r')
            i++;
        else if (c === '#' || (c === '/' && next === '/'))
            i = lineEnd(text, i);
        else if (c === '/' && next === '*') {
            const close = text.indexOf('*/', i + 2);
            i = close < 0 ? text.length : close + 2;
        }
        else if (c === '"') {
            const string = readString(text, i);
            tokens.push({ kind: 'string', text: string.value, isTemplate: string.isTemplate });
            i = string.end;
        }
        else if (c === '<' && next === '<' && /^<<-?[A-Za-z_][\w-]*\r?\n/.test(text.slice(i, i + 200))) {
            tokens.push({ kind: 'string', text: '', isTemplate: true });
            i = heredocEnd(text, i);
        }
        else if ('{[('.includes(c)) {
            tokens.push({ kind: 'open', text: c });
            i++;
        }
        else if ('}])'.includes(c)) {
            tokens.push({ kind: 'close', text: c });
            i++;
        }
        else if (c === '=' && next !== '=' && next !== '>') {
            tokens.push({ kind: 'equals', text: c });
            i++;
        }
        else if (/[A-Za-z_]/.test(c)) {
            const match = /[A-Za-z_][\w-]*/y;
            match.lastIndex = i;
            // c starts an identifier, so the pattern matches at i.
            const word = definedOrThrow(match.exec(text)?.[0], 'identifier');
            tokens.push({ kind: 'ident', text: word });
            i += word.length;
        }
        else {
            // Operators (`==`, `<=`, `=>`…) and numbers: one token, so `a == b` is never read as `a = …`.
            const operator = /[=!<>]=|=>|&&|\|\|/y;
            operator.lastIndex = i;
            const length = operator.exec(text)?.[0].length ?? 1;
            tokens.push({ kind: 'other', text: text.slice(i, i + length) });
            i += length;
        }
    }
    return tokens;
}
function lineEnd(text, from) {
    const newline = text.indexOf('\n', from);
    return newline < 0 ? text.length : newline;
}
/** A quoted string from its opening quote; a template sequence is stepped over whole, strings in it included. */
function readString(text, start) {
    let value = '';
    let isTemplate = false;
    let i = start + 1;
    while (i < text.length) {
        const c = text.charAt(i);
        if (c === '"')
            return { value, isTemplate, end: i + 1 };
        if (c === '\n')
            break; // Unterminated: HCL strings are one line. Stop here rather than eat the file.
        if (c === '\\') {
            const escaped = text.charAt(i + 1);
            value += ESCAPES[escaped] ?? escaped;
            i += 2;
        }
        else if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
            value += `${c}{`; // `$${` and `%%{` are literal.
            i += 3;
        }
        else if ((c === '$' || c === '%') && text[i + 1] === '{') {
            isTemplate = true;
            i = templateEnd(text, i + 2);
        }
        else {
            value += c;
            i++;
        }
    }
    return { value, isTemplate, end: i };
}
/** The index after the `}` closing a `${` or `%{` whose body starts at `from`. */
function templateEnd(text, from) {
    let depth = 1;
    let i = from;
    while (i < text.length) {
        const c = text.charAt(i);
        if (c === '"') {
            i = readString(text, i).end;
            continue;
        }
        if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return i + 1;
        i++;
    }
    return i;
}
/** The index after a heredoc's closing marker line (`<<EOT` … `EOT`, the marker may be indented). */
function heredocEnd(text, start) {
    // Called where the tokenizer saw the opener.
    const opener = definedOrThrow(/^<<-?([A-Za-z_][\w-]*)\r?\n/.exec(text.slice(start, start + 200)), 'heredoc opener');
    const [whole, marker] = opener;
    let i = start + whole.length;
    while (i < text.length) {
        const end = lineEnd(text, i);
        if (text.slice(i, end).trim() === marker)
            return end;
        i = end + 1;
    }
    return text.length;
}

;// CONCATENATED MODULE: ./build/tsc/adapters/layer-code.js



function readSources(directory) {
    let names;
    try {
        names = (0,external_node_fs_namespaceObject.readdirSync)(directory);
    }
    catch {
        return [];
    }
    return names
        .filter((name) => name.endsWith('.tf') || name.endsWith('.tf.json'))
        .sort()
        .map((name) => ({ name, text: (0,external_node_fs_namespaceObject.readFileSync)(external_node_path_namespaceObject.join(directory, name), 'utf8') }));
}
/** Reads layer code once per directory; layers share code across all their instances. */
function createLayerCodeReader(manifestDirectory) {
    const cache = new Map();
    const relative = (absolute) => external_node_path_namespaceObject.relative(manifestDirectory, absolute).split(external_node_path_namespaceObject.sep).join('/') || '.';
    return {
        read(layerPath) {
            const cached = cache.get(layerPath);
            if (cached)
                return cached;
            const layerDirectory = external_node_path_namespaceObject.resolve(manifestDirectory, layerPath);
            const files = readSources(layerDirectory);
            const variables = declaredVariables(files);
            const watched = new Set([relative(layerDirectory)]);
            const pending = moduleSources(files).map((source) => external_node_path_namespaceObject.resolve(layerDirectory, source));
            for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
                const name = relative(directory);
                if (watched.has(name))
                    continue;
                watched.add(name);
                pending.push(...moduleSources(readSources(directory)).map((source) => external_node_path_namespaceObject.resolve(directory, source)));
            }
            const code = {
                variables: new Set(variables.keys()),
                sensitiveVariables: new Set([...variables].filter(([, variable]) => variable.sensitive).map(([name]) => name)),
                outputs: declaredOutputs(files),
                watchedPaths: [...watched].sort(),
            };
            cache.set(layerPath, code);
            return code;
        },
    };
}

;// CONCATENATED MODULE: ./build/tsc/terraform/redact.js
/**
 * Keeping secrets out of logs, summaries and PR comments: a text redactor for anything Strata prints, and a
 * plan redactor so that no rendering of a plan can show a value Terraform marked sensitive.
 */

/**
 * Secrets shorter than this are not masked in text: masking `42` or `on` everywhere would wreck the log and
 * hide nothing worth hiding. (`redactPlanJson` still masks short values where Terraform marks them.)
 */
const MIN_SECRET_LENGTH = 4;
const MASK = '***';
function createRedactor(secrets = []) {
    const known = new Set();
    let pattern; // Rebuilt lazily after `add`, so adding many values costs one build.
    const add = (values) => {
        for (const value of values) {
            for (const form of formsOf(value)) {
                if (form.length >= MIN_SECRET_LENGTH && !known.has(form)) {
                    known.add(form);
                    pattern = undefined;
                }
            }
        }
    };
    add(secrets);
    return {
        add,
        redact(text) {
            if (known.size === 0)
                return text;
            // One regular expression, longest secret first, so the text is scanned once whatever the number of secrets.
            pattern ??= new RegExp([...known]
                .sort((a, b) => b.length - a.length)
                .map(escapeRegExp)
                .join('|'), 'g');
            return text.replace(pattern, MASK);
        },
    };
}
/**
 * A secret as it can reach a log: whole, each of its lines (a multi-line key printed line by line, or with
 * other line endings), and escaped inside a JSON string.
 */
function formsOf(value) {
    return [value, ...value.split(/\r?\n/), JSON.stringify(value).slice(1, -1)];
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const SENSITIVE_VALUE = '(sensitive value)';
/**
 * A deep copy of a parsed `terraform show -json` plan with every value Terraform marks sensitive replaced by
 * `(sensitive value)`: resource attributes by `before_sensitive`/`after_sensitive` (changes and drift) and
 * `sensitive_values` (planned and prior state), sensitive outputs, sensitive variables with their defaults and
 * the constants passed to them. Then, because Terraform marks a value only where it knows it is sensitive,
 * every other string equal to a masked one (a literal in the configuration, say) is masked too, and masked
 * strings of at least MIN_SECRET_LENGTH characters are cut out of longer strings with `***`.
 */
function redactPlanJson(plan) {
    const copy = structuredClone(plan);
    if (!isRecord(copy))
        return copy;
    const secrets = new Set();
    for (const key of ['resource_changes', 'resource_drift']) {
        for (const entry of arrayAt(copy, key)) {
            if (isRecord(entry.change))
                maskChange(entry.change, secrets);
        }
    }
    for (const change of Object.values(recordAt(copy, 'output_changes'))) {
        if (isRecord(change))
            maskChange(change, secrets);
    }
    maskStateValues(recordAt(copy, 'planned_values'), secrets);
    maskStateValues(recordAt(recordAt(copy, 'prior_state'), 'values'), secrets);
    const rootModule = recordAt(recordAt(copy, 'configuration'), 'root_module');
    maskModuleConfig(rootModule, secrets);
    const declared = recordAt(rootModule, 'variables');
    for (const [name, variable] of Object.entries(recordAt(copy, 'variables'))) {
        if (isRecord(variable) && isSensitiveDeclaration(declared[name]))
            maskKey(variable, 'value', secrets);
    }
    secrets.delete('');
    return secrets.size === 0 ? copy : maskCopies(copy, secrets, createRedactor(secrets));
}
/** `before`/`after` by their marks: `true`, or an object/array mirroring the value with `true` where sensitive. */
function maskChange(change, secrets) {
    for (const side of ['before', 'after']) {
        if (side in change)
            change[side] = maskMarked(change[side], change[`${side}_sensitive`], secrets);
    }
}
function maskMarked(value, mark, secrets) {
    if (mark === true) {
        if (value === null)
            return null; // Nothing to hide, and `before: null` must still read as "did not exist".
        collectStrings(value, secrets);
        return SENSITIVE_VALUE;
    }
    if (Array.isArray(mark) && Array.isArray(value))
        return value.map((item, i) => maskMarked(item, mark[i], secrets));
    if (isRecord(mark) && isRecord(value)) {
        for (const key of Object.keys(value))
            value[key] = maskMarked(value[key], mark[key], secrets);
    }
    return value;
}
/** `planned_values` or `prior_state.values`: outputs, then resources module by module. */
function maskStateValues(values, secrets) {
    for (const output of Object.values(recordAt(values, 'outputs'))) {
        if (isRecord(output) && output.sensitive === true)
            maskKey(output, 'value', secrets);
    }
    const modules = [recordAt(values, 'root_module')];
    for (let module = modules.pop(); module; module = modules.pop()) {
        for (const resource of arrayAt(module, 'resources')) {
            if ('values' in resource)
                resource.values = maskMarked(resource.values, resource.sensitive_values, secrets);
        }
        modules.push(...arrayAt(module, 'child_modules'));
    }
}
/** Sensitive variables' defaults, sensitive outputs' expressions, and constants passed to sensitive variables. */
function maskModuleConfig(module, secrets) {
    for (const variable of Object.values(recordAt(module, 'variables'))) {
        if (isRecord(variable) && isSensitiveDeclaration(variable))
            maskKey(variable, 'default', secrets);
    }
    for (const output of Object.values(recordAt(module, 'outputs'))) {
        if (isRecord(output) && output.sensitive === true)
            maskConstants(output.expression, secrets);
    }
    for (const call of Object.values(recordAt(module, 'module_calls'))) {
        if (!isRecord(call))
            continue;
        const child = recordAt(call, 'module');
        maskModuleConfig(child, secrets);
        const declared = recordAt(child, 'variables');
        for (const [name, expression] of Object.entries(recordAt(call, 'expressions'))) {
            if (isSensitiveDeclaration(declared[name]))
                maskConstants(expression, secrets);
        }
    }
}
function isSensitiveDeclaration(variable) {
    return isRecord(variable) && variable.sensitive === true;
}
/** Every `constant_value` in an expression, nested block expressions included. */
function maskConstants(expression, secrets) {
    if (Array.isArray(expression))
        for (const item of expression)
            maskConstants(item, secrets);
    if (!isRecord(expression))
        return;
    for (const [key, value] of Object.entries(expression)) {
        if (key === 'constant_value')
            maskKey(expression, key, secrets);
        else
            maskConstants(value, secrets);
    }
}
function maskKey(record, key, secrets) {
    if (!(key in record))
        return;
    collectStrings(record[key], secrets);
    record[key] = SENSITIVE_VALUE;
}
function collectStrings(value, into) {
    if (typeof value === 'string')
        into.add(value);
    else if (Array.isArray(value))
        for (const item of value)
            collectStrings(item, into);
    else if (isRecord(value))
        for (const item of Object.values(value))
            collectStrings(item, into);
}
/**
 * Fields that name things rather than hold values. They are left alone, so that a secret that happens to be
 * `test` or `main` does not turn `aws_instance.main` into `aws_instance.***`. Terraform refuses sensitive
 * values in `for_each` and `count`, so an address or index cannot carry one.
 */
const NAME_FIELDS = new Set([
    'address',
    'previous_address',
    'module_address',
    'to_display',
    'mode',
    'type',
    'name',
    'index',
    'deposed',
    'provider_name',
    'provider_config_key',
    'full_name',
    'version_constraint',
    'source',
    'actions',
    'action_reason',
    'references',
    'replace_paths',
    'format_version',
    'terraform_version',
    'timestamp',
]);
/** Fields that hold a value (an attribute map, an output's value, a constant): every key below them is data. */
const VALUE_FIELDS = new Set(['before', 'after', 'values', 'value', 'default', 'constant_value']);
function maskCopies(value, secrets, redactor, isData = false) {
    if (typeof value === 'string') {
        if (value === SENSITIVE_VALUE)
            return value;
        return secrets.has(value) ? SENSITIVE_VALUE : redactor.redact(value);
    }
    if (Array.isArray(value))
        return value.map((item) => maskCopies(item, secrets, redactor, isData));
    if (isRecord(value)) {
        for (const [key, item] of Object.entries(value)) {
            // A record under a name field (`module` in a module call is one) is structure: go on into it.
            if (!isData && NAME_FIELDS.has(key) && !isRecord(item))
                continue;
            value[key] = maskCopies(item, secrets, redactor, isData || VALUE_FIELDS.has(key));
        }
    }
    return value;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./build/tsc/adapters/child-process-runner.js






/** The default time between SIGINT and SIGKILL. */
const DEFAULT_GRACE_MS = 20_000;
/** How much of the end of the combined output `tail` keeps. */
const TAIL_BYTES = 64 * 1024;
/** How often to look for live members of the process group while it winds down. */
const GROUP_POLL_MS = 25;
/** How long to wait for the group to vanish after SIGKILL before giving up (a process stuck in the kernel). */
const AFTER_KILL_MS = 2_000;
/** The process could not be started: the executable, the working directory or the log file is the problem. */
class ProcessStartError extends Error {
    executable;
    /** The system error code (`ENOENT`, `EACCES`, …) when there is one. */
    code;
    constructor(executable, reason, code) {
        super(`Cannot run '${executable}': ${reason}`);
        this.name = 'ProcessStartError';
        this.executable = executable;
        this.code = code;
    }
}
/**
 * Runs processes with node:child_process, argument arrays only (never a shell).
 *
 * - The child gets its own session and process group (`detached`), so a Ctrl-C in the terminal reaches only
 *   Strata, which forwards exactly one SIGINT (Terraform takes a second one as "exit now" and may leave its state
 *   lock). Signals go to the whole group, so the children of wrapper scripts get them too. The entry must therefore
 *   turn its own SIGINT/SIGTERM into an abort of `signal`, or the children outlive it.
 * - stdin is closed: commands must not prompt (pass `-input=false`).
 * - The executable is looked up on the PATH of `request.env`, not Strata's own.
 * - Output goes to `logFile` (appended, parent folders created) in the order it arrives, through one stream with
 *   back-pressure: when the disk is slower than the child, the child waits, and memory stays bounded.
 * - A `signal` that is already aborted at call time means the process is not started and the log not touched:
 *   the result has `cancelled: true`, `exitCode: null`, `durationMs: 0`.
 * - Cancellation and `timeoutMs`: one SIGINT to the group, then SIGKILL to the group if any member is still alive
 *   after `graceMs`. Members of the group still alive when the child exits (orphans: a background job of a
 *   wrapper, a provider left behind by a crash) get the same sequence, so nothing outlives the run.
 * - Resolves only after the child has closed, the group is gone and the log is flushed. Rejects with
 *   ProcessStartError when the process cannot start; never for an exit code, a signal or a timeout.
 */
function createChildProcessRunner() {
    return { run: runProcess };
}
async function runProcess(request) {
    if (request.signal?.aborted)
        return notStarted();
    const log = await openLog(request);
    if (request.signal?.aborted) {
        await closeStream(log);
        return notStarted();
    }
    const startedAt = performance.now();
    let child;
    try {
        child = (0,external_node_child_process_namespaceObject.spawn)(request.executable, [...request.args], {
            cwd: request.cwd,
            env: { ...request.env },
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
    }
    catch (error) {
        await closeStream(log);
        throw await startError(request, error);
    }
    // Registered before anything can fail, so an 'error' never goes unhandled and no event is missed.
    const started = new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
    });
    const exited = new Promise((resolve) => {
        child.once('exit', () => {
            resolve();
        });
    });
    const closed = new Promise((resolve) => {
        child.once('close', (code, endSignal) => {
            resolve([code, endSignal]);
        });
    });
    try {
        await started;
    }
    catch (error) {
        child.stdout.destroy();
        child.stderr.destroy();
        await closeStream(log);
        throw await startError(request, error);
    }
    // After a successful start, 'error' only reports a failed kill(); the group signalling below has its fallbacks.
    child.on('error', () => undefined);
    // Defined once the process has spawned, which the 'spawn' wait above ensures.
    const pid = definedOrThrow(child.pid, 'the process id');
    const output = new OutputCollector(log, [child.stdout, child.stderr], request.captureStdout === true);
    const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
    child.stdout.on('data', (chunk) => {
        if (request.onStdout)
            request.onStdout(decoder.write(chunk));
        else
            output.add(chunk, true);
    });
    child.stderr.on('data', (chunk) => {
        output.add(chunk, false);
    });
    const graceMs = request.graceMs ?? DEFAULT_GRACE_MS;
    let cancelled = false;
    let timedOut = false;
    let killed = false;
    let interrupted = false;
    let killedAt;
    let graceTimer;
    const sendToGroup = (signal) => {
        try {
            process.kill(-pid, signal);
        }
        catch {
            // The group is gone or cannot be signalled (or the platform has no groups): the child alone, if still there.
            child.kill(signal);
        }
    };
    /** SIGINT once, whatever asks for it and however often; SIGKILL after the grace period if anyone is left. */
    const interrupt = () => {
        if (interrupted)
            return;
        interrupted = true;
        sendToGroup('SIGINT');
        graceTimer = setTimeout(() => {
            void (async () => {
                const isChildRunning = child.exitCode === null && child.signalCode === null;
                if (!isChildRunning && !(await hasLiveMembers(pid)))
                    return;
                killed = true;
                killedAt = performance.now();
                sendToGroup('SIGKILL');
            })();
        }, graceMs);
    };
    const onAbort = () => {
        cancelled = true;
        interrupt();
    };
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutTimer = request.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            interrupt();
        }, request.timeoutMs);
    // Once the child itself has exited, cancellation and timeout no longer apply to it; whatever is left of its
    // group (holding the pipes open or not) is ended with the same sequence.
    const orphansHandled = exited.then(async () => {
        clearTimeout(timeoutTimer);
        request.signal?.removeEventListener('abort', onAbort);
        if (!interrupted && (await hasLiveMembers(pid)))
            interrupt();
    });
    const [exitCode, endSignal] = await closed;
    const durationMs = performance.now() - startedAt;
    await orphansHandled;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the abort and timeout callbacks, which TypeScript does not follow
    if (interrupted) {
        while (await hasLiveMembers(pid)) {
            if (killedAt !== undefined && performance.now() - killedAt > AFTER_KILL_MS)
                break;
            await (0,external_node_timers_promises_namespaceObject.setTimeout)(GROUP_POLL_MS);
        }
    }
    clearTimeout(graceTimer);
    await closeStream(log);
    if (output.logError !== undefined) {
        throw new Error(`Cannot write the log '${request.logFile}' of '${request.executable}': ${output.logError.message}`);
    }
    return {
        exitCode,
        stdout: output.stdout(),
        tail: output.tail(),
        endSignal,
        cancelled,
        timedOut,
        killed,
        durationMs,
    };
}
function notStarted() {
    return {
        exitCode: null,
        stdout: '',
        tail: '',
        endSignal: null,
        cancelled: true,
        timedOut: false,
        killed: false,
        durationMs: 0,
    };
}
async function openLog(request) {
    try {
        await (0,promises_namespaceObject.mkdir)(external_node_path_namespaceObject.dirname(request.logFile), { recursive: true });
        const handle = await (0,promises_namespaceObject.open)(request.logFile, 'a');
        return handle.createWriteStream();
    }
    catch (error) {
        const { code, message } = error;
        throw new ProcessStartError(request.executable, `cannot open its log '${request.logFile}': ${message}`, code);
    }
}
/** Ends the stream and waits until everything is on disk and the file is closed. Never rejects. */
function closeStream(stream) {
    return new Promise((resolve) => {
        if (stream.closed) {
            resolve();
            return;
        }
        stream.once('close', () => {
            resolve();
        });
        if (stream.destroyed)
            return;
        stream.end();
    });
}
async function startError(request, error) {
    const { code, message } = error;
    const isPath = request.executable.includes('/') || request.executable.includes(external_node_path_namespaceObject.sep);
    switch (code) {
        case 'ENOENT':
            if (!(await isDirectory(request.cwd))) {
                return new ProcessStartError(request.executable, `its working directory '${request.cwd}' does not exist (ENOENT)`, code);
            }
            return new ProcessStartError(request.executable, isPath
                ? 'no such file (ENOENT); check the path'
                : 'not found on PATH (ENOENT); install it or give its full path', code);
        case 'EACCES':
            return new ProcessStartError(request.executable, 'permission denied (EACCES); the file must be executable and its folders searchable', code);
        default:
            return new ProcessStartError(request.executable, code === undefined ? message : `${message} (${code})`, code);
    }
}
async function isDirectory(directory) {
    try {
        return (await (0,promises_namespaceObject.stat)(directory)).isDirectory();
    }
    catch {
        return false;
    }
}
/**
 * Whether any process of the group `pgid` is still running. `kill(-pgid, 0)` also counts zombies, which are
 * harmless and linger where PID 1 does not reap orphans (containers without an init), so on Linux the members are
 * looked up in /proc and zombies are left out.
 */
async function hasLiveMembers(pgid) {
    try {
        process.kill(-pgid, 0);
    }
    catch (error) {
        return error.code === 'EPERM';
    }
    if (process.platform !== 'linux')
        return true;
    let entries;
    try {
        entries = await (0,promises_namespaceObject.readdir)('/proc');
    }
    catch {
        return true;
    }
    const states = await Promise.all(entries
        .filter((entry) => /^\d+$/.test(entry))
        .map((entry) => (0,promises_namespaceObject.readFile)(`/proc/${entry}/stat`, 'utf8').then((text) => parseStat(text), () => undefined)));
    return states.some((state) => state !== undefined && state.pgrp === pgid && state.state !== 'Z' && state.state !== 'X');
}
/** `/proc/<pid>/stat`: "pid (comm) state ppid pgrp …"; comm may contain spaces and parentheses. */
function parseStat(text) {
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const pgrp = Number(fields[2]);
    if (state === undefined || !Number.isInteger(pgrp))
        return undefined;
    return { state, pgrp };
}
/** Writes output to the log in arrival order, pausing the pipes while the log catches up; keeps the tail. */
class OutputCollector {
    log;
    sources;
    isCapturingStdout;
    logError;
    tailChunks = [];
    tailSize = 0;
    hasDroppedTail = false;
    stdoutChunks = [];
    isPaused = false;
    constructor(log, sources, isCapturingStdout) {
        this.log = log;
        this.sources = sources;
        this.isCapturingStdout = isCapturingStdout;
        log.on('error', (error) => {
            // Keep reading (and dropping) the output so the child is never blocked on a full pipe.
            this.logError ??= error;
            this.resume();
        });
    }
    add(chunk, isStdout) {
        if (isStdout && this.isCapturingStdout) {
            // Machine-readable output (show -json, output -json) carries sensitive values in clear text: it is
            // returned to the caller, never written to the log or kept in the tail that error messages quote.
            this.stdoutChunks.push(chunk);
            return;
        }
        this.tailChunks.push(chunk);
        this.tailSize += chunk.length;
        for (let oldest = this.tailChunks[0]; oldest !== undefined && this.tailChunks.length > 1 && this.tailSize - oldest.length >= TAIL_BYTES; oldest = this.tailChunks[0]) {
            this.tailChunks.shift();
            this.tailSize -= oldest.length;
            this.hasDroppedTail = true;
        }
        if (this.logError !== undefined || this.log.destroyed)
            return;
        if (!this.log.write(chunk) && !this.isPaused) {
            this.isPaused = true;
            for (const source of this.sources)
                source.pause();
            this.log.once('drain', () => {
                this.resume();
            });
        }
    }
    stdout() {
        return this.isCapturingStdout ? Buffer.concat(this.stdoutChunks).toString('utf8') : '';
    }
    tail() {
        const all = Buffer.concat(this.tailChunks);
        let start = Math.max(0, all.length - TAIL_BYTES);
        if (start > 0 || this.hasDroppedTail) {
            // Do not begin in the middle of a UTF-8 character.
            while (start < all.length && (all.readUInt8(start) & 0xc0) === 0x80)
                start += 1;
        }
        return all.subarray(start).toString('utf8');
    }
    resume() {
        if (!this.isPaused)
            return;
        this.isPaused = false;
        for (const source of this.sources)
            source.resume();
    }
}

;// CONCATENATED MODULE: ./build/tsc/terraform/lock-info.js

const LOCK_SUMMARY = 'Error acquiring the state lock';
const FIELD_LINE = /^\s*(ID|Path|Operation|Who|Version|Created|Info):[ \t]?(.*)$/;
// Everything ANSI colour and the box Terraform draws round a diagnostic when colour is on.
// eslint-disable-next-line no-control-regex -- ESC is exactly what is being removed
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const FRAME = /^[│╷╵](?: |$)/;
/**
 * Terraform's text without colour codes and without the `│` frame of coloured diagnostics, lines kept, so
 * the same patterns read `-no-color` output and a terminal's. Carriage returns are dropped.
 */
function plainDiagnosticText(text) {
    return text
        .replace(ANSI, '')
        .split(/\r?\n/)
        .map((line) => line.replace(FRAME, ''))
        .join('\n');
}
/**
 * Reads the lock holder out of Terraform's "Error acquiring the state lock" output (plain or coloured, alone
 * or inside a longer log). Undefined when the text is not that error, or when the error carries no
 * `Lock Info:` block (the lock could not even be tried, e.g. the backend was unreachable).
 */
function parseLockError(text) {
    const plain = plainDiagnosticText(text);
    const start = plain.indexOf(LOCK_SUMMARY);
    if (start === -1)
        return undefined;
    const lines = plain.slice(start).split('\n');
    const header = lines.findIndex((line) => line.trim() === 'Lock Info:');
    if (header === -1)
        return undefined;
    const values = new Map();
    for (const line of lines.slice(header + 1)) {
        const match = FIELD_LINE.exec(line);
        if (!match)
            break;
        const field = match[1];
        if (values.has(field))
            break;
        values.set(field, lookup_itemAt(match, 2, 'lock field value').trim());
    }
    if (!values.has('ID'))
        return undefined;
    const createdText = values.get('Created') ?? '';
    return {
        id: values.get('ID') ?? '',
        path: values.get('Path') ?? '',
        operation: values.get('Operation') ?? '',
        who: values.get('Who') ?? '',
        version: values.get('Version') ?? '',
        createdText,
        createdAt: parseGoTime(createdText),
        info: values.get('Info') ?? '',
        message: errorMessageBefore(lines.slice(0, header)),
    };
}
/** The `Error message: …` paragraph above the block, joined back into one line where Terraform wrapped it. */
function errorMessageBefore(lines) {
    const first = lines.findIndex((line) => line.trimStart().startsWith('Error message:'));
    if (first === -1)
        return '';
    return lines
        .slice(first)
        .join(' ')
        .replace(/^\s*Error message:/, '')
        .replace(/\s+/g, ' ')
        .trim();
}
// Go's time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`, maybe with a monotonic `m=+0.01` tail.
const GO_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)? ([+-])(\d{2})(\d{2})(?: [^\s]+)?(?: m=[+-][\d.]+)?$/;
// RFC 3339, as the lock's JSON record holds it.
const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** The lock's creation time, from Go's `time.Time` text or RFC 3339; null for anything else. */
function parseGoTime(text) {
    const go = GO_TIME.exec(text.trim());
    const rfc = go ? null : RFC3339.exec(text.trim());
    let iso;
    if (go) {
        // Every group but the fraction takes part in a match.
        const group = (index) => lookup_itemAt(go, index, 'time field');
        iso = `${group(1)}T${group(2)}${millis(go[3] ?? '')}${group(4)}${group(5)}:${group(6)}`;
    }
    else if (rfc) {
        const group = (index) => lookup_itemAt(rfc, index, 'time field');
        iso = `${group(1)}T${group(2)}${millis(rfc[3] ?? '')}${group(4)}`;
    }
    else
        return null;
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
}
/** Go prints up to nine fraction digits; a JavaScript Date keeps three. */
function millis(fraction) {
    return fraction === '' ? '' : `.${fraction.slice(1, 4).padEnd(3, '0')}`;
}
const OPERATIONS = {
    OperationTypePlan: 'a plan',
    OperationTypeApply: 'an apply (or destroy)',
    OperationTypeRefresh: 'a refresh',
    OperationTypeInvalid: 'an unknown operation',
};
/**
 * A message for people about a lock held on one instance's state: who holds it, for what, since when and for
 * how long, and how to release it by hand if it is stale. Strata never releases a lock itself, so the message
 * says what to check first.
 */
function describeLock(info, now, context) {
    const holder = info.who === '' ? 'an unknown holder' : info.who;
    const operation = info.operation === '' ? 'an unnamed operation' : (OPERATIONS[info.operation] ?? `'${info.operation}'`);
    // The holder may be Terraform or OpenTofu: the lock says only its version.
    const version = info.version === '' ? '' : ` (version ${info.version})`;
    const lines = [
        `The state of ${context.instanceId} is locked by ${holder} for ${operation}${version}${since(info, now)}.`,
    ];
    if (info.path !== '')
        lines.push(`  State:   ${info.path}`);
    if (info.id !== '')
        lines.push(`  Lock ID: ${info.id}`);
    if (info.info !== '')
        lines.push(`  Note:    ${info.info}`);
    lines.push('If that run is still going, let it finish and run again; a longer terraform.lock_timeout in the manifest makes Strata wait for it.');
    const unlock = info.id === '' ? 'terraform force-unlock <LOCK_ID>' : `terraform force-unlock ${info.id}`;
    lines.push(`If the lock is stale (its run was killed or its runner lost), first make sure no run is still going: no workflow run or terminal working on ${context.instanceId}. Then release it by hand: in ${context.layerPath}, with ${context.instanceId}'s backend initialised (terraform init -reconfigure with its backend settings; 'strata graph --format json' lists them), run:`, `  ${unlock}`);
    if (info.id === '')
        lines.push('  (the lock record could not be read, so its ID is unknown; the backend holds it)');
    lines.push('Strata never force-unlocks by itself: removing a lock that a live run holds lets two runs write the same state.');
    return lines.join('\n');
}
/** ` since 2024-05-02 09:14 UTC, for 2h 14m`, or the text as printed when it is not a time. */
function since(info, now) {
    if (info.createdAt === null)
        return info.createdText === '' ? '' : ` since ${info.createdText}`;
    const when = `${info.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const age = now.getTime() - info.createdAt.getTime();
    // A minute of clock skew between the holder and this machine is normal; more is worth saying.
    if (age < -60_000)
        return ` since ${when} (later than this machine's clock, so its age is unknown)`;
    return ` since ${when}, for ${formatAge(Math.max(0, age))}`;
}
/** `42s`, `14m`, `2h 14m`, `3d 4h`: the two largest units, rounded down, as people say how old something is. */
function formatAge(ms) {
    const seconds = Math.floor(ms / 1000);
    const minutes = Math.floor(seconds / 60);
    const hours = Math.floor(minutes / 60);
    const days = Math.floor(hours / 24);
    if (days > 0)
        return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
    if (hours > 0)
        return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
    if (minutes > 0)
        return `${minutes}m`;
    return `${seconds}s`;
}

;// CONCATENATED MODULE: ./build/tsc/terraform/failure-kind.js


// AWS SDK (Go v1 and v2) words for a request that never got an answer, the most telling first.
const NETWORK_FAILURES = [
    /no such host/i,
    /i\/o timeout/i,
    /connection timed out/i,
    /network is unreachable/i,
    /connection refused/i,
    /connection reset by peer/i,
    /TLS handshake timeout/i,
    /Client\.Timeout exceeded/i,
    /context deadline exceeded/i,
    /RequestTimeout/,
    /ServiceUnavailable|StatusCode: 503/,
    /request send failed|send request failed/i,
];
// The endpoint the failing request went to: `lookup <host>`, `dial tcp <host>:443`, `Get "https://<host>/…"`.
const FAILED_HOST = /(?:lookup|dial tcp) ([A-Za-z0-9.-]+?)(?::\d+)?(?::|\s|$)|"https?:\/\/([A-Za-z0-9.-]+)/g;
const AWS_HOST = /\.amazonaws\.com(?:\.cn)?$/i;
const AWS_OPERATION = /operation error (?:S3|STS|DynamoDB|EC2|IAM|Route ?53|KMS|SSO|SSOOIDC)\b|RequestError: send request failed/;
const REGION = /\b((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d)\b/;
// The region of an endpoint is the label before amazonaws.com (`s3.eu-west-2.`, legacy `s3-eu-west-2.`), not a
// region that happens to be in a bucket's name.
const ENDPOINT_REGION = /[.-]((?:[a-z]{2}|us-gov|us-iso[a-z]?)-[a-z]+-\d)\.amazonaws\.com/i;
// Credentials that are missing, expired, malformed or refused. Checked before the network patterns: when the
// SDK cannot find credentials it reports the instance-metadata timeout that ended its search.
const CREDENTIALS_STRONG = [
    /No valid credential sources/i,
    /NoCredentialProviders/,
    /Error finding AWS credentials/,
    /failed to refresh cached credentials/,
    /InvalidClientTokenId|UnrecognizedClientException|InvalidAccessKeyId|SignatureDoesNotMatch/,
    /ExpiredToken|security token included in the request is (?:expired|invalid)/,
    /InvalidIdentityToken|AssumeRoleWithWebIdentity/,
    /is not authorized to perform/,
    /AccessDenied|Access Denied|AllAccessDisabled/,
    /authorization header is malformed|AuthorizationHeaderMalformed/,
    /StatusCode: 403\b/,
];
const CREDENTIALS_WEAK = /validating provider credentials|Error: Invalid AWS credentials|retrieving caller identity/i;
const STALE_PLAN = /Saved plan is stale|Saved plan does not match the given state/;
const failure_kind_LOCK_SUMMARY = /Error acquiring the state lock/;
// S3 answers 301 when the backend's `region` is not the bucket's: the request reached AWS, the setting is wrong.
const WRONG_BUCKET_REGION = /StatusCode: 301\b/;
const BUCKET_REGIONS = /requested bucket from "([^"]+)", actual location "([^"]+)"/;
/**
 * Names the cause of a Terraform failure from its error output (plain or coloured) and says what to do.
 * The order matters: a held lock and a stale plan are certain from their summaries; a network failure
 * towards AWS wins over the credential check that reported it (the provider validates credentials by
 * calling STS, so a down region reads "validating provider credentials: … no such host"); a credential
 * error wins over the metadata-service timeout that ends the SDK's search for credentials.
 */
function classifyFailure(text) {
    const plain = plainDiagnosticText(text);
    // Terraform wraps diagnostic details at the terminal width; patterns read one flowing line.
    const flat = plain.replace(/\s+/g, ' ');
    const lock = parseLockError(plain);
    if (lock) {
        const holder = lock.who === '' ? 'another run' : lock.who;
        const since = lock.createdText === '' ? '' : ` since ${lock.createdText}`;
        const id = lock.id === '' ? '<LOCK_ID>' : lock.id;
        return {
            kind: 'state-lock',
            hint: `The state is locked by ${holder} (${lock.operation || 'unknown operation'}${since}). Wait for that run to finish and try again. If no run is still going and the lock is stale, release it by hand with 'terraform force-unlock ${id}' in the layer's directory with its backend initialised; Strata never force-unlocks by itself.`,
        };
    }
    if (STALE_PLAN.test(flat)) {
        return {
            kind: 'stale-plan',
            hint: 'The state changed after this plan was made (another run wrote it), so Terraform refused to apply the saved plan. Plan again and review the new plan before applying it.',
        };
    }
    const credentials = firstMatch(CREDENTIALS_STRONG, flat);
    if (credentials)
        return credentialsFailure(credentials[0]);
    const network = firstMatch(NETWORK_FAILURES, flat);
    if (network) {
        const hosts = failedHosts(flat);
        const awsHost = hosts.find((host) => AWS_HOST.test(host));
        if (awsHost !== undefined || (hosts.length === 0 && AWS_OPERATION.test(flat))) {
            const region = (awsHost === undefined ? REGION.exec(flat) : ENDPOINT_REGION.exec(awsHost))?.[1];
            const where = region === undefined ? 'an AWS region' : `AWS in ${region}`;
            const endpoint = awsHost === undefined ? '' : ` (${awsHost}: ${network[0]})`;
            return {
                kind: 'region-unreachable',
                hint: `Terraform could not reach ${where}${endpoint}: the region looks unavailable. Check the AWS Health Dashboard and retry later; if the region is down, fail over with the failover workflow or 'strata failover --to <region>'. If the region name itself looks wrong, fix it in the manifest.`,
            };
        }
        const [host] = hosts;
        if (host !== undefined) {
            return {
                kind: 'other',
                hint: `Terraform could not reach ${host} (${network[0]}): a network problem on the runner or that service, not an AWS region. Retry, and check the runner's network and proxy settings.`,
            };
        }
    }
    const weak = CREDENTIALS_WEAK.exec(flat);
    if (weak)
        return credentialsFailure(weak[0]);
    if (failure_kind_LOCK_SUMMARY.test(flat)) {
        return {
            kind: 'state-lock',
            hint: "Terraform could not take the state lock, and its output names no holder. Read the 'Error message' above: the lock table or bucket may be missing or unreadable.",
        };
    }
    if (WRONG_BUCKET_REGION.test(flat)) {
        const regions = BUCKET_REGIONS.exec(flat);
        const where = regions
            ? ` (the bucket is in ${lookup_itemAt(regions, 2, 'bucket region')}; the backend asked ${lookup_itemAt(regions, 1, 'backend region')})`
            : '';
        return {
            kind: 'other',
            hint: `S3 answered 301: the state bucket is in another region than the backend's region setting${where}. Set backend.config.region in the manifest to the bucket's region.`,
        };
    }
    const summary = /(?:^|\n)Error: ([^\n]+)/.exec(plain)?.[1]?.trim();
    return {
        kind: 'other',
        hint: summary === undefined
            ? "Strata does not recognise this failure; read Terraform's output above."
            : `Strata does not recognise this failure ('${summary}'); read Terraform's output above.`,
    };
}
/**
 * Whether a failure is worth one more try: a network failure towards a host that is not AWS (a provider
 * registry, a proxy, a provider's API), which the classifier reports as `other` with a host named. An AWS
 * region that does not answer is not retried: a region that is down stays down, and the hint says to fail
 * over. Locks, stale plans and credentials never heal by themselves in seconds.
 */
function isTransientFailure(text) {
    if (classifyFailure(text).kind !== 'other')
        return false;
    const flat = plainDiagnosticText(text).replace(/\s+/g, ' ');
    return firstMatch(NETWORK_FAILURES, flat) !== null && failedHosts(flat).length > 0;
}
function credentialsFailure(evidence) {
    return {
        kind: 'credentials',
        hint: `AWS refused or found no credentials ('${evidence}'). Check the credentials the job runs with: the role it assumes (the account's role_to_assume in the manifest, and 'id-token: write' for OIDC), that they have not expired, and that the role may read the state bucket and lock.`,
    };
}
function firstMatch(patterns, text) {
    for (const pattern of patterns) {
        const match = pattern.exec(text);
        if (match)
            return match;
    }
    return null;
}
function failedHosts(flat) {
    const hosts = [];
    for (const match of flat.matchAll(FAILED_HOST)) {
        const host = (match[1] ?? match[2])?.replace(/\.$/, '');
        if (host !== undefined && /[A-Za-z]/.test(host) && !hosts.includes(host))
            hosts.push(host);
    }
    return hosts;
}

;// CONCATENATED MODULE: ./build/tsc/terraform/errors.js
/**
 * Terraform or OpenTofu printed something Strata cannot read: not JSON, several documents where one was
 * expected, or a format version from another major. The message says what was expected and what came.
 */
class TerraformOutputError extends Error {
    source;
    expected;
    received;
    constructor(
    /** The command whose output this is, e.g. `terraform show -json`. */
    source, expected, received) {
        super(`${source}: expected ${expected}, got ${received}`);
        this.source = source;
        this.expected = expected;
        this.received = received;
        this.name = 'TerraformOutputError';
    }
}

;// CONCATENATED MODULE: ./build/tsc/terraform/json-objects.js
/** Reading JSON documents out of command output that may carry other lines around them. */
/**
 * Every JSON object in `text` that starts a line, in order. The fast path is one clean document; otherwise
 * lines that are not JSON (a wrapper's log line, a warning) are skipped, and concatenated documents are all
 * returned, so that the caller can refuse them by name.
 */
function parseJsonObjects(text) {
    try {
        const whole = JSON.parse(text);
        return json_objects_isRecord(whole) ? [whole] : [];
    }
    catch {
        // Not one clean document: scan for objects below.
    }
    const found = [];
    let i = 0;
    while (i < text.length) {
        const start = nextObjectStart(text, i);
        if (start < 0)
            break;
        const end = objectEnd(text, start);
        if (end < 0)
            break;
        try {
            const value = JSON.parse(text.slice(start, end));
            if (json_objects_isRecord(value))
                found.push(value);
        }
        catch {
            // Balanced but broken: skip it whole, lest the objects inside it be taken for documents.
        }
        i = end;
    }
    return found;
}
/** The next `{` that has only blanks before it on its line. */
function nextObjectStart(text, from) {
    for (let i = text.indexOf('{', from); i >= 0; i = text.indexOf('{', i + 1)) {
        const lineStart = text.lastIndexOf('\n', i - 1) + 1;
        if (text.slice(lineStart, i).trim() === '')
            return i;
    }
    return -1;
}
/** The index after the bracket that closes the one at `start`, or -1; strings are skipped whole. */
function objectEnd(text, start) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return i + 1;
        }
    }
    return -1;
}
function json_objects_isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The objects in `record[key]` when it is a list, else none. */
function json_objects_arrayAt(record, key) {
    const value = record[key];
    return Array.isArray(value) ? value.filter(json_objects_isRecord) : [];
}
/** `record[key]` when it is an object, else an empty one. */
function json_objects_recordAt(record, key) {
    const value = record[key];
    return json_objects_isRecord(value) ? value : {};
}

;// CONCATENATED MODULE: ./build/tsc/terraform/version.js



/**
 * The first releases with S3-native state locking (`use_lockfile = true` in the s3 backend) generally
 * available: Strata's backends lock with it, with no DynamoDB table.
 */
const MINIMUM_VERSIONS = { terraform: '1.11.0', tofu: '1.10.0' };
const DISPLAY_NAMES = { terraform: 'Terraform', tofu: 'OpenTofu' };
function parseVersionJson(text) {
    const [document] = parseJsonObjects(text);
    if (typeof document?.terraform_version !== 'string') {
        const received = document
            ? 'an object without terraform_version'
            : JSON.stringify(text.trim().slice(0, 80));
        throw new TerraformOutputError('terraform version -json', 'an object with terraform_version', received);
    }
    const result = { terraformVersion: document.terraform_version, providerSelections: {} };
    if (typeof document.platform === 'string')
        result.platform = document.platform;
    const selections = document.provider_selections;
    if (typeof selections === 'object' && selections !== null) {
        for (const [source, selected] of Object.entries(selections)) {
            if (typeof selected === 'string')
                result.providerSelections[source] = selected;
        }
    }
    if (typeof document.terraform_outdated === 'boolean')
        result.isOutdated = document.terraform_outdated;
    return result;
}
/** Whether `version` (as printed by `version -json`, e.g. `1.11.2` or `1.12.0-rc1`) is new enough. */
function checkMinimumVersion(binaryKind, version) {
    const name = DISPLAY_NAMES[binaryKind];
    const minimum = MINIMUM_VERSIONS[binaryKind];
    const why = `${name} ${minimum} is the first release where S3-native state locking (\`use_lockfile\`) is generally ` +
        'available, and Strata locks state with it';
    const found = parseSemver(version);
    if (!found) {
        return {
            ok: false,
            message: `Cannot read the ${name} version '${version}'; Strata requires ${name} ≥ ${minimum}.`,
        };
    }
    if (compareSemver(found, definedOrThrow(parseSemver(minimum), `minimum version '${minimum}'`)) < 0) {
        return {
            ok: false,
            message: `Found ${name} ${version}, but Strata requires ${name} ≥ ${minimum}: ${why}.`,
        };
    }
    return { ok: true };
}
function parseSemver(version) {
    const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
    if (!match)
        return undefined;
    return { core: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease: match[4] ?? '' };
}
/** Semver order, except that two pre-releases of one version compare equal: enough against a release minimum. */
function compareSemver(a, b) {
    const difference = a.core[0] - b.core[0] || a.core[1] - b.core[1] || a.core[2] - b.core[2];
    if (difference !== 0)
        return difference;
    // A pre-release comes before its release: 1.11.0-rc1 < 1.11.0.
    return (a.prerelease === '' ? 1 : 0) - (b.prerelease === '' ? 1 : 0);
}

;// CONCATENATED MODULE: ./build/tsc/engine/retry-transient.js
/** Three attempts, 2 s and then 4 s apart: enough for a registry or proxy blip, short next to a plan. */
const TRANSIENT_RETRY = { attempts: 3, firstDelayMs: 2000 };
/**
 * Runs a command again while its result is a failure known to be transient (`isTransient`), up to
 * the policy's attempts. Never retries a command that was cancelled or timed out, nor once `signal` is aborted:
 * a stop asked for is not a failure to recover from. Returns the last result, which the caller judges.
 */
async function retryTransient(attempt, isTransient, options) {
    const policy = options.policy ?? TRANSIENT_RETRY;
    const sleep = options.sleep ?? abortableSleep;
    let result = await attempt();
    for (let done = 1; done < policy.attempts; done++) {
        if (result.cancelled || result.timedOut || options.signal?.aborted || !isTransient(result))
            break;
        await sleep(policy.firstDelayMs * 2 ** (done - 1), options.signal);
        if (options.signal?.aborted)
            break;
        result = await attempt();
    }
    return result;
}
function abortableSleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
    });
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-commands.js
/**
 * The argument arrays Strata passes to Terraform, in one place. Every command is non-interactive
 * (`-input=false`) and colourless where its output is read or shown in reports.
 */
const terraformArgs = {
    version: () => ['version', '-json'],
    /** `-reconfigure`: every run renders the backend afresh and must not migrate state between backends. */
    init: (backend) => [
        'init',
        '-input=false',
        '-no-color',
        '-reconfigure',
        ...Object.entries(backend.config).map(([key, value]) => `-backend-config=${key}=${String(value)}`),
    ],
    plan: (options) => [
        'plan',
        '-input=false',
        '-no-color',
        `-out=${options.planFile}`,
        '-detailed-exitcode',
        `-lock-timeout=${options.lockTimeout}`,
        `-var-file=${options.varFile}`,
        ...(options.destroy ? ['-destroy'] : []),
    ],
    show: (planFile) => ['show', '-json', '-no-color', planFile],
    /** Applies exactly the saved plan; Terraform refuses it when the state moved on since. */
    apply: (options) => [
        'apply',
        '-input=false',
        '-no-color',
        `-lock-timeout=${options.lockTimeout}`,
        options.planFile,
    ],
    output: () => ['output', '-json', '-no-color'],
    /** The current state as JSON, read without a lock. */
    statePull: () => ['state', 'pull'],
};
/** `plan -detailed-exitcode`: 0 no changes, 2 changes, anything else an error. */
function planExitMeaning(exitCode) {
    if (exitCode === 0)
        return 'no-changes';
    if (exitCode === 2)
        return 'changes';
    return 'error';
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-client.js







/** OpenTofu prints Terraform's version JSON shape; the binary's name tells them apart. */
function binaryKind(binary) {
    return external_node_path_namespaceObject.basename(binary).startsWith('tofu') ? 'tofu' : 'terraform';
}
/**
 * Builds the client for a binary: runs `version -json` once and refuses a binary that is missing, fails, or is
 * older than the documented minimum (a `UsageError`: a setup problem the user fixes, not a failed run).
 * `env` is the whole environment Terraform gets, already stripped of the runner's own variables.
 */
async function createTerraformClient(options) {
    const version = await readVersion(options.runner, options);
    return buildTerraformClient({ ...options, version });
}
/** The client over a runner, for a binary whose version is already known (`createTerraformClient` checks it). */
function buildTerraformClient(options) {
    const { runner, executable } = options;
    const run = (call, args, stdout = {}) => runner.run({
        executable,
        args,
        cwd: call.cwd,
        env: {
            ...options.env,
            TF_IN_AUTOMATION: '1',
            TF_INPUT: '0',
            TF_DATA_DIR: call.dataDirectory,
            STRATA_INSTANCE_ID: call.instanceId,
        },
        logFile: call.logFile,
        captureStdout: stdout.captureStdout,
        onStdout: stdout.onStdout,
        signal: call.signal,
        timeoutMs: call.timeoutMs,
        graceMs: call.graceMs,
    });
    // Only commands that change nothing: a retried apply could apply part of a plan twice.
    const retrying = (call, attempt, isError) => retryTransient(attempt, (result) => isError(result) && isTransientFailure(result.tail), {
        policy: options.retry,
        signal: call.signal,
    });
    const failed = (result) => result.exitCode !== 0;
    return {
        executable,
        version: options.version,
        init: (call, backend) => retrying(call, () => run(call, terraformArgs.init(backend)), failed),
        plan: async (call, plan) => {
            const result = await retrying(call, () => run(call, terraformArgs.plan(plan)), (attempt) => planExitMeaning(attempt.exitCode) === 'error');
            return { ...result, meaning: planExitMeaning(result.exitCode) };
        },
        show: (call, planFile, onJson) => run(call, terraformArgs.show(planFile), { onStdout: onJson }),
        apply: (call, apply) => run(call, terraformArgs.apply(apply)),
        output: (call) => retrying(call, () => run(call, terraformArgs.output(), { captureStdout: true }), failed),
        statePull: (call) => retrying(call, () => run(call, terraformArgs.statePull(), { captureStdout: true }), failed),
    };
}
async function readVersion(runner, options) {
    const { executable } = options;
    let result;
    try {
        result = await runner.run({
            executable,
            args: terraformArgs.version(),
            cwd: options.cwd,
            env: options.env,
            logFile: options.logFile,
            captureStdout: true,
        });
    }
    catch (error) {
        // The binary is missing or not executable.
        if (error instanceof ProcessStartError)
            throw new UsageError(error.message);
        throw error;
    }
    if (result.exitCode !== 0) {
        throw new UsageError(`'${executable} version -json' failed (exit code ${String(result.exitCode)}): ${result.tail.trim()}`);
    }
    const version = parseVersionJson(result.stdout).terraformVersion;
    const check = checkMinimumVersion(binaryKind(executable), version);
    if (!check.ok)
        throw new UsageError(check.message);
    return version;
}

;// CONCATENATED MODULE: ./build/tsc/engine/terraform-environment.js
/**
 * Variables the runner sets for the action itself and never for Terraform: the action's inputs (`INPUT_*`,
 * `github-token` among them) and the runtime's own tokens and endpoints (`ACTIONS_*`: the cache and
 * artifact token, the OIDC token request URL and bearer token). Pull-request code runs inside Terraform
 * (an `external` data source, a provisioner), so none of them may reach it. A provider that needs the OIDC
 * request token takes it under its own name (for example `ARM_OIDC_REQUEST_TOKEN`), set on the step.
 */
const RUNNER_ONLY = /^(INPUT_|ACTIONS_)/i;
/** The environment every Terraform process runs with: the caller's, less what is the runner's alone. */
function terraformEnvironment(env) {
    const kept = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined && !RUNNER_ONLY.test(name))
            kept[name] = value;
    }
    return kept;
}

;// CONCATENATED MODULE: ./build/tsc/app/terraform-binary.js




/**
 * Which binary to run: `--terraform-binary` (or the action input), else STRATA_TERRAFORM, else the manifest's
 * `terraform.binary`.
 */
function chooseBinary(flag, env, manifestBinary) {
    return flag || env.STRATA_TERRAFORM || manifestBinary;
}
/**
 * What every run does before its first Terraform command: create the work directory and the shared provider
 * cache (`TF_PLUGIN_CACHE_DIR`, unless set), choose the binary and build its client (which checks the version).
 */
async function setUpTerraform(options) {
    const workDirectory = external_node_path_namespaceObject.resolve(options.cwd, options.workDirectory);
    await (0,promises_namespaceObject.mkdir)(workDirectory, { recursive: true });
    const env = terraformEnvironment(options.env);
    env.TF_PLUGIN_CACHE_DIR ||= external_node_path_namespaceObject.join(workDirectory, 'plugin-cache');
    await (0,promises_namespaceObject.mkdir)(env.TF_PLUGIN_CACHE_DIR, { recursive: true });
    const terraform = await createTerraformClient({
        runner: options.runner,
        executable: chooseBinary(options.flag, options.env, options.manifestBinary),
        env,
        cwd: options.manifestDirectory,
        logFile: external_node_path_namespaceObject.join(workDirectory, 'terraform-version.log'),
    });
    return { terraform, env, workDirectory };
}

;// CONCATENATED MODULE: ./build/tsc/app/engine-setup.js




/**
 * The one place that turns settings into engine options: set up Terraform (work directory, plugin cache,
 * binary, version check), then take parallelism and timeouts from the settings or the manifest.
 */
async function setUpEngine(settings, loaded, adapters, layerCode = createLayerCodeReader(loaded.directory)) {
    const setup = await setUpTerraform({
        cwd: settings.cwd,
        workDirectory: settings.workDirectory,
        env: settings.env,
        flag: settings.terraformBinary,
        manifestBinary: loaded.manifest.terraform.binary,
        manifestDirectory: loaded.directory,
        runner: adapters.runner,
    });
    return {
        ...setup,
        base: {
            manifestDirectory: loaded.directory,
            workDirectory: setup.workDirectory,
            terraform: setup.terraform,
            layerCode,
            redactor: adapters.redactor ?? createRedactor(),
            reporter: adapters.reporter,
            parallelism: settings.parallelism ?? loaded.manifest.terraform.parallelism,
            failFast: settings.failFast,
            signal: adapters.signal,
            now: adapters.now,
            graceMs: settings.graceMs,
            commandTimeoutMs: loaded.manifest.terraform.commandTimeoutMs ?? undefined,
            planDirectory: settings.planDirectory === undefined ? undefined : external_node_path_namespaceObject.resolve(settings.cwd, settings.planDirectory),
        },
    };
}

;// CONCATENATED MODULE: ./build/tsc/terraform/outputs.js


const SOURCE = 'terraform output -json';
/**
 * Reads `terraform output -json`. Wrappers can print lines around the JSON (an AWS client-side-monitoring
 * line, a warning), so the first JSON object shaped like outputs is taken and other lines are ignored.
 */
function parseOutputsJson(text) {
    const candidates = parseJsonObjects(text);
    const outputs = candidates.find(isOutputs);
    if (outputs)
        return outputs;
    const [first] = candidates;
    const received = first === undefined
        ? `no JSON object in ${JSON.stringify(text.trim().slice(0, 80))}`
        : `${candidates.length} JSON object(s), none an output map (first problem: ${firstProblem(first) ?? 'none found'})`;
    throw new TerraformOutputError(SOURCE, 'an object of {"<name>": {"sensitive": bool, "type": …, "value": …}}', received);
}
/** The values alone, as a module's caller would see them: `{name: value}`. */
function outputValues(outputs) {
    return Object.fromEntries(Object.entries(outputs).map(([name, output]) => [name, output.value]));
}
/** Every string and number inside sensitive outputs, as strings, for the redactor to mask. */
function sensitiveValues(outputs) {
    const found = [];
    for (const output of Object.values(outputs)) {
        if (output.sensitive)
            collectLeaves(output.value, found);
    }
    return found;
}
function collectLeaves(value, into) {
    if (typeof value === 'string')
        into.push(value);
    else if (typeof value === 'number')
        into.push(String(value));
    else if (Array.isArray(value))
        for (const item of value)
            collectLeaves(item, into);
    else if (typeof value === 'object' && value !== null)
        for (const item of Object.values(value))
            collectLeaves(item, into);
}
function isOutputs(candidate) {
    return firstProblem(candidate) === undefined;
}
function firstProblem(candidate) {
    for (const [name, entry] of Object.entries(candidate)) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
            return `'${name}' is not an object`;
        if (typeof entry.sensitive !== 'boolean')
            return `'${name}' has no boolean sensitive`;
        if (!('value' in entry))
            return `'${name}' has no value`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./build/tsc/app/failover-record.js






const RECORD_ID = 'strata/failover-record';
function recordBackend(manifest, region) {
    const instance = {
        id: RECORD_ID,
        layer: 'strata-failover-record',
        scope: 'global',
        account: null,
        accountId: null,
        region: null,
        environment: null,
    };
    return renderInstanceBackend(manifest.backend, tokenValues(instance, region, regionRoleOf(manifest, region)));
}
/**
 * Where the record's Terraform runs: inside the manifest's directory, as many levels down as the first layer,
 * so that a relative `local` backend path resolves to the same folder it does for the layers.
 */
function recordDirectory(manifestDirectory, manifest, region) {
    // The schema requires one layer at least.
    const depth = lookup_itemAt(manifest.layers, 0, 'layer').path.split('/').length;
    const levels = ['.strata-failover', region, ...Array(Math.max(0, depth - 2)).fill('record')];
    return external_node_path_namespaceObject.join(manifestDirectory, ...levels.slice(0, depth));
}
/** Where the record's `command` runs in `region`, and the log it writes. */
function recordCall(context, region, command) {
    return {
        cwd: recordDirectory(context.manifestDirectory, context.manifest, region),
        dataDirectory: external_node_path_namespaceObject.join(context.logDirectory, 'failover-record', region, 'terraform-data'),
        logFile: external_node_path_namespaceObject.join(context.logDirectory, 'failover-record', region, `${command}.log`),
        instanceId: RECORD_ID,
    };
}
async function prepare(context, region, record) {
    const directory = recordDirectory(context.manifestDirectory, context.manifest, region);
    await (0,promises_namespaceObject.mkdir)(directory, { recursive: true });
    const body = record ? recordConfiguration(record) : '';
    await (0,promises_namespaceObject.writeFile)(external_node_path_namespaceObject.join(directory, 'main.tf'), `# Written by Strata: the failover record (see the DR runbook). Do not edit.\nterraform {\n  backend "${context.manifest.backend.type}" {}\n}\n\n${body}`);
    const init = await context.terraform.init(recordCall(context, region, 'init'), recordBackend(context.manifest, region));
    if (init.exitCode !== 0)
        throw new Error(`cannot reach the failover record in ${region}:\n${init.tail.trim()}`);
}
function recordConfiguration(record) {
    const fields = {
        from: record.from,
        to: record.to,
        at: record.at,
        status: record.status ?? 'in-effect',
        mode: record.mode ?? 'failover',
    };
    const input = Object.entries(fields)
        .map(([name, value]) => `    ${name.padEnd(6)} = ${JSON.stringify(value)}`)
        .join('\n');
    return `resource "terraform_data" "failover" {\n  input = {\n${input}\n  }\n}\n\noutput "failover" {\n  value = terraform_data.failover.output\n}\n`;
}
/** The record as read back, or an error when it is not one Strata wrote. */
function asRecord(value, region) {
    const record = value;
    const isText = (field) => typeof field === 'string' && field !== '';
    if (!record || !isText(record.from) || !isText(record.to) || !isText(record.at)) {
        throw new Error(`the failover record in ${region} is not one Strata wrote: ${JSON.stringify(value)}`);
    }
    return record;
}
/** Reads the record kept in `region`; null when there is none. Throws when the region cannot be reached. */
async function readFailoverRecord(context, region) {
    try {
        await prepare(context, region, null);
        const output = await context.terraform.output(recordCall(context, region, 'output'));
        if (output.exitCode !== 0) {
            throw new Error(`cannot read the failover record in ${region}:\n${output.tail.trim()}`);
        }
        const value = outputValues(parseOutputsJson(output.stdout)).failover;
        return value === undefined ? null : asRecord(value, region);
    }
    finally {
        await removeConfiguration(context, region);
    }
}
/** Writes (or, with null, clears) the record in `region` through the backend: plan, then apply that plan. */
async function writeFailoverRecord(context, region, record) {
    try {
        await prepare(context, region, record);
        const logs = external_node_path_namespaceObject.join(context.logDirectory, 'failover-record', region);
        const planFile = external_node_path_namespaceObject.join(logs, 'record.tfplan');
        const varFile = external_node_path_namespaceObject.join(logs, 'empty.tfvars.json');
        await (0,promises_namespaceObject.mkdir)(logs, { recursive: true });
        await (0,promises_namespaceObject.writeFile)(varFile, '{}\n');
        const lockTimeout = context.manifest.terraform.lockTimeout;
        const plan = await context.terraform.plan(recordCall(context, region, 'plan'), {
            planFile,
            varFile,
            lockTimeout,
            destroy: record === null,
        });
        if (plan.meaning === 'error') {
            throw new Error(`cannot plan the failover record in ${region}:\n${plan.tail.trim()}`);
        }
        if (plan.meaning === 'changes') {
            const apply = await context.terraform.apply(recordCall(context, region, 'apply'), {
                planFile,
                lockTimeout,
            });
            if (apply.exitCode !== 0) {
                throw new Error(`cannot write the failover record in ${region}:\n${apply.tail.trim()}`);
            }
        }
    }
    finally {
        await removeConfiguration(context, region);
    }
}
/** The record's configuration is generated for every use; none of it stays beside the layers' code. */
async function removeConfiguration(context, region) {
    await (0,promises_namespaceObject.rm)(recordDirectory(context.manifestDirectory, context.manifest, region), {
        recursive: true,
        force: true,
    });
    const top = external_node_path_namespaceObject.join(context.manifestDirectory, '.strata-failover');
    for (const directory of [external_node_path_namespaceObject.join(top, region), top]) {
        await (0,promises_namespaceObject.rmdir)(directory).catch(() => undefined); // Only when empty: another region's record may be in use.
    }
}

;// CONCATENATED MODULE: ./build/tsc/app/deploy-hold.js




/**
 * The deploy hold: a failover (or failback) waiting for approval writes its record as `pending` into the
 * target region's store before it plans, so that every normal apply and destroy refuses (the failover guard,
 * core/dr/failover-guard.ts) until the move is applied, which turns the record into one in effect (or, for a
 * failback, clears it), or is released. Only the target region is written: nothing waits on the failed one.
 */
async function holdDeploys(context, move, now = () => new Date()) {
    await writeFailoverRecord(context, move.to, { ...move, at: now().toISOString(), status: 'pending' });
}
/**
 * Releases an abandoned move's hold in `to` (its approval rejected, its run cancelled): clears a pending
 * record there and nothing else. Returns the hold released, or null when `to` held none. Refuses a record in
 * effect: that is a failover done, which only a failback undoes.
 */
async function releaseDeploys(settings, adapters) {
    const loaded = loadManifest(settings.manifestFile, settings.cwd);
    if (!loaded.manifest.regions.some((region) => region.name === settings.to)) {
        throw new UsageError((name) => `${name('to')}: unknown region '${settings.to}'; the manifest has ${loaded.manifest.regions.map((r) => r.name).join(', ')}`);
    }
    const { terraform, workDirectory } = await setUpEngine({ ...settings, failFast: false }, loaded, adapters);
    const context = {
        terraform,
        manifest: loaded.manifest,
        manifestDirectory: loaded.directory,
        logDirectory: workDirectory,
    };
    const record = await readFailoverRecord(context, settings.to);
    if (record === null)
        return null;
    if (record.status !== 'pending') {
        throw new UsageError((name) => `${settings.to} holds a failover from ${record.from} in effect (recorded ${record.at}), not a pending hold: ${name('release-deploys')} does not undo a failover; fail back with 'strata failback --to ${record.from}' once ${record.from} is healthy`);
    }
    await writeFailoverRecord(context, settings.to, null);
    return record;
}

;// CONCATENATED MODULE: ./build/tsc/core/run-result.js
/** Just the identity of an instance or of a result, without anything else it carries. */
function run_result_identityOf(instance) {
    const { id, layer, scope, account, region, environment } = instance;
    return { id, layer, scope, account, region, environment };
}
/** What a started instance has learnt and when it ran, whatever became of it; undefined when it never started. */
function progressOf(instance) {
    switch (instance.status) {
        case 'pending':
            return undefined;
        case 'running':
        case 'succeeded':
        case 'failed':
            return instance;
        case 'skipped':
        case 'cancelled':
            return instance.attempt;
    }
}
/** What the instance's plan found; null when it was never planned. */
function changesOf(instance) {
    return progressOf(instance)?.changes ?? null;
}
/** How long it ran; null while it runs or when it never started. */
function durationOf(instance) {
    return progressOf(instance)?.durationMs ?? null;
}
/** Whether its Terraform command ran out of time (a failure, or a cancellation while it ran). */
function hasTimedOut(instance) {
    if (instance.status === 'failed')
        return instance.timedOut;
    return instance.status === 'cancelled' && instance.attempt?.timedOut === true;
}
/** Whether a plan would change anything (replacements are counted in add and destroy too). */
function hasChanges(changes) {
    return changes !== null && changes.add + changes.change + changes.destroy + changes.replace > 0;
}
const run_result_FINISHED = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);

;// CONCATENATED MODULE: ./build/tsc/core/dr/drill-readiness.js

/**
 * The readiness of each instance a drill planned, every 'no' with its reason: the backend in the target
 * region, the replicas of failed-region state it reads (`replicated`: reachable; `replicas`: as fresh as
 * the primary, when compared), its plan.
 */
function drillReadiness(instances, graph, replicated, replicas, 
/** Instances the failover plans once the upstreams it creates (the values) are applied: unproven, not a no. */
deferred = new Map()) {
    const checks = new Map(replicas.map((check) => [check.id, check]));
    return instances.map((instance) => {
        const sources = graph.inputsOf(instance.id).flatMap((input) => input.sources.map((source) => source.id));
        const readsReplica = sources.some((id) => replicated.has(id));
        const read = sources
            .map((id) => checks.get(id))
            .filter((check) => check !== undefined);
        const failedAt = instance.status === 'failed' ? instance.step : null;
        const backendReachable = failedAt !== 'init';
        const replicaReachable = readsReplica ? failedAt !== 'read-upstream' : null;
        const notFresh = read.filter((check) => check.status !== 'fresh');
        const replicaFresh = read.length > 0 ? notFresh.length === 0 : null;
        const planSucceeded = instance.status === 'succeeded';
        let reason = null;
        if (!backendReachable)
            reason = `backend: ${summariseError(instance)}`;
        else if (replicaReachable === false)
            reason = `replica: ${summariseError(instance)}`;
        else if (notFresh.length > 0)
            reason = notFresh.map((check) => `replica of ${check.id} ${check.status}: ${check.detail}`).join('; ');
        else if (!planSucceeded && !deferred.has(instance.id))
            reason = `plan: ${summariseError(instance)}`;
        return {
            id: instance.id,
            backendReachable,
            replicaReachable,
            replicaFresh,
            planSucceeded,
            changes: changesOf(instance),
            mockedUpstreams: [...(progressOf(instance)?.mockedUpstreams ?? [])],
            deferredUntil: [...(deferred.get(instance.id) ?? [])],
            reason,
        };
    });
}
function isReady(entry) {
    return entry.reason === null;
}
/**
 * One line for a table cell: the step's headline and Terraform's own `Error:` line when there is one
 * (`terraform init failed (exit code 1): Error: Failed to get existing workspaces`), or the skip reason.
 */
function summariseError(instance) {
    return summariseFailure(failureText(instance), instance.status);
}
/** `summariseError` of a failure's text; `fallback` when there is none. */
function summariseFailure(text, fallback) {
    if (text === null)
        return fallback;
    const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const headline = lines[0] ?? fallback;
    const terraformError = lines
        .slice(1)
        .find((line) => line.startsWith('Error:') || line.startsWith('│ Error:'));
    return terraformError ? `${headline}: ${terraformError.replace(/^│ /, '')}` : headline;
}
/** What an instance that did not succeed says about why: its error, or its skip or cancel reason. */
function failureText(instance) {
    switch (instance.status) {
        case 'failed':
            return instance.error;
        case 'skipped':
        case 'cancelled':
            return instance.reason;
        case 'pending':
        case 'running':
        case 'succeeded':
            return null;
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/schedule/dag.js




/**
 * A Dag together with its compiled form. dagOfGraph, selectInstances and reverseDag return these; any other
 * Dag (plain data) is compiled when it is scheduled, so each scheduling algorithm exists once, over positions.
 */
class CompiledDag {
    ids;
    dependsOn;
    dependencyCounts;
    dependents;
    origin;
    knownTopology;
    constructor(ids, dependsOn, dependencyCounts, dependents, origin, 
    /** The topological pass, when the graph it came from had already made it. */
    knownTopology) {
        this.ids = ids;
        this.dependsOn = dependsOn;
        this.dependencyCounts = dependencyCounts;
        this.dependents = dependents;
        this.origin = origin;
        this.knownTopology = knownTopology;
    }
}
/** The compiled form a Dag carries (from dagOfGraph, selectInstances or reverseDag); undefined for plain data. */
function dagIndexOf(dag) {
    return dag instanceof CompiledDag ? dag : undefined;
}
/** The Dag compiled: itself when it already is, otherwise its ids numbered and its edges made positions. */
function compiledDagOf(dag) {
    if (dag instanceof CompiledDag)
        return dag;
    const positions = new Map();
    dag.ids.forEach((id, position) => positions.set(id, position));
    const { edges, counts } = edges_edgesOfLists(dag.ids, (id) => dag.dependsOn.get(id), (id) => positions.get(id));
    return new CompiledDag(dag.ids, dag.dependsOn, counts, edges_reverseEdges(dag.ids.length, edges), undefined);
}
/** Kahn's order and levels of a compiled Dag, or undefined when it has a cycle. */
function topologyOf(dag) {
    return dag.knownTopology ?? topological_levels_topologicalLevels(dag.dependencyCounts, dag.dependents);
}
function dagOfGraph(graph) {
    const compiled = compiledGraphOf(graph);
    const dependsOn = new Map();
    for (const instance of graph.instances)
        dependsOn.set(instance.id, instance.dependsOn);
    return new CompiledDag(compiled.ids, dependsOn, countsOf(compiled.dependsOn.start), compiled.dependents, { graph, positions: undefined }, compiled.topology);
}
/** The same instances with every edge turned round: destroy removes dependents before what they depend on. */
function reverseDag(dag) {
    const compiled = compiledDagOf(dag);
    const { ids } = compiled;
    const reversed = new Map();
    ids.forEach((id, position) => reversed.set(id, idListsOf(compiled.dependents, ids, position).sort()));
    return new CompiledDag(ids, reversed, countsOf(compiled.dependents.start), edges_reverseEdges(ids.length, compiled.dependents), compiled.origin);
}
/** id -> ids that wait for it, in `dag.ids` order. */
function dependentsOf(dag) {
    const { ids, dependents } = compiledDagOf(dag);
    const map = new Map();
    ids.forEach((id, position) => map.set(id, idListsOf(dependents, ids, position)));
    return map;
}
/** Ids in an order where each comes after everything it depends on (Kahn), ties kept in `dag.ids` order. */
function topologicalOrder(dag) {
    const compiled = compiledDagOf(dag);
    const topology = topologyOf(compiled);
    if (!topology)
        throw new Error('topologicalOrder: the graph has a cycle');
    return Array.from(topology.order, (position) => itemAt(compiled.ids, position, 'id'));
}

;// CONCATENATED MODULE: ./build/tsc/core/selection/select-instances.js
/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */





/**
 * Picks the instances a run works on, as a Dag that keeps every ordering between them, including an edge
 * that runs through an instance that was not selected (a -> x -> b with only a and b selected keeps a -> b).
 *
 * A filter on a coordinate keeps only instances that have it: `--region` leaves out global and account
 * instances, `--environment` leaves out everything coarser than an environment. Changed files select the
 * instances they affect plus everything downstream of those; upstream instances stay out and their outputs
 * are read from state.
 */
function selectInstances(graph, filter) {
    checkFilterNames(graph, filter);
    const sets = {
        account: toSet(filter.accounts),
        region: toSet(filter.regions),
        environment: toSet(filter.environments),
        layer: toSet(filter.layers),
    };
    const ids = toSet(filter.instances);
    const matchesFilters = (instance) => (!sets.account || (instance.account !== null && sets.account.has(instance.account))) &&
        (!sets.region || (instance.region !== null && sets.region.has(instance.region))) &&
        (!sets.environment || (instance.environment !== null && sets.environment.has(instance.environment))) &&
        (!sets.layer || sets.layer.has(instance.layer)) &&
        (!ids || ids.has(instance.id)) &&
        (!filter.within || filter.within.has(instance.id));
    const downstream = filter.changes ? affectedWithDependents(graph, filter.changes) : undefined;
    const selected = new Uint8Array(graph.instances.length);
    let count = 0;
    graph.instances.forEach((instance, position) => {
        if (matchesFilters(instance) && (!downstream || downstream[position] === 1)) {
            selected[position] = 1;
            count++;
        }
    });
    return dagOfSelection(graph, selected, count);
}
function toSet(values) {
    return values && values.length > 0 ? new Set(values) : undefined;
}
function checkFilterNames(graph, filter) {
    // The names the graph has, gathered only for the kinds the filter uses.
    const known = (kind) => {
        const names = new Set();
        for (const instance of graph.instances) {
            const name = instance[kind];
            if (name !== null)
                names.add(name);
        }
        return names;
    };
    const check = (kind, values) => {
        if (!values || values.length === 0)
            return;
        const names = known(kind);
        for (const value of values) {
            if (!names.has(value)) {
                const hint = closestName(value, names);
                throw new UsageError(`Unknown ${kind} '${value}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has: ${[...names].join(', ')}`);
            }
        }
    };
    check('account', filter.accounts);
    check('region', filter.regions);
    check('environment', filter.environments);
    check('layer', filter.layers);
    for (const id of filter.instances ?? []) {
        if (!graph.byId.has(id)) {
            const hint = closestName(id, graph.byId.keys());
            throw new UsageError(`Unknown instance '${id}'${hint ? ` (did you mean '${hint}'?)` : ''}; 'strata graph' lists the ids`);
        }
    }
}
/** Positions of the instances in affected layers and of everything downstream of them (1 = affected). */
function affectedWithDependents(graph, changes) {
    const isAffected = (layer) => changes.manifestChanged ||
        (changes.watchedPaths.get(layer) ?? []).some((dir) => changes.files.some((file) => dir === '.' || file === dir || file.startsWith(`${dir}/`)));
    const affectedLayers = new Set([...new Set(graph.instances.map((i) => i.layer))].filter(isAffected));
    const { dependents } = compiledGraphOf(graph);
    const result = new Uint8Array(graph.instances.length);
    const stack = [];
    graph.instances.forEach((instance, position) => {
        if (affectedLayers.has(instance.layer))
            stack.push(position);
    });
    while (stack.length > 0) {
        const position = stack.pop();
        if (result[position] === 1)
            continue;
        result[position] = 1;
        for (let at = dependents.start[position]; at < dependents.start[position + 1]; at++)
            stack.push(dependents.targets[at]);
    }
    return result;
}
/**
 * The selected ids with, for each, the nearest selected instances upstream: found by walking up through
 * unselected instances, memoised so that a large graph is walked once.
 */
function inducedDag(graph, selected) {
    const flags = new Uint8Array(graph.instances.length);
    let count = 0;
    graph.instances.forEach((instance, position) => {
        if (selected.has(instance.id)) {
            flags[position] = 1;
            count++;
        }
    });
    return dagOfSelection(graph, flags, count);
}
/** inducedDag over positions (`selected[p]` is 1 for a selected instance), compiled. */
function dagOfSelection(graph, selected, count) {
    const { instances } = graph;
    // Everything selected: every edge stays as it is.
    if (count === instances.length)
        return dagOfGraph(graph);
    const ids = new Array(count);
    const dependsOn = new Map();
    const edges = compiledGraphOf(graph).dependsOn;
    // For an unselected position: the selected positions nearest upstream of it, without repeats.
    const nearest = new Array(instances.length);
    // seenBy[p] === mark: p is already in the list being built under that mark.
    const seenBy = new Int32Array(instances.length).fill(-1);
    let mark = 0;
    // The nearest selected positions upstream of `from`, whose unselected dependencies are all resolved.
    const nearestOf = (from) => {
        const list = [];
        mark++;
        for (let at = edges.start[from]; at < edges.start[from + 1]; at++) {
            const dependency = edges.targets[at];
            if (selected[dependency] === 1) {
                if (seenBy[dependency] !== mark) {
                    seenBy[dependency] = mark;
                    list.push(dependency);
                }
            }
            else {
                for (const upstream of nearest[dependency]) {
                    if (seenBy[upstream] !== mark) {
                        seenBy[upstream] = mark;
                        list.push(upstream);
                    }
                }
            }
        }
        return list;
    };
    const resolve = (start) => {
        // Iterative post-order over unselected ancestors, so a long chain cannot overflow the stack.
        const stack = [start];
        while (stack.length > 0) {
            const position = stack[stack.length - 1];
            if (nearest[position] !== undefined) {
                stack.pop();
                continue;
            }
            let isPending = false;
            for (let at = edges.start[position]; at < edges.start[position + 1]; at++) {
                const dependency = edges.targets[at];
                if (selected[dependency] !== 1 && nearest[dependency] === undefined) {
                    stack.push(dependency);
                    isPending = true;
                }
            }
            if (isPending)
                continue;
            nearest[position] = nearestOf(position);
            stack.pop();
        }
    };
    const dagPosition = new Int32Array(instances.length).fill(-1);
    const graphPosition = new Int32Array(count);
    const start = new Int32Array(count + 1);
    const targets = [];
    let next = 0;
    instances.forEach((instance, position) => {
        if (selected[position] !== 1)
            return;
        dagPosition[position] = next;
        graphPosition[next] = position;
        ids[next] = instance.id;
        let isDirect = true;
        for (let at = edges.start[position]; at < edges.start[position + 1]; at++) {
            if (selected[edges.targets[at]] !== 1) {
                isDirect = false;
                break;
            }
        }
        if (isDirect) {
            dependsOn.set(instance.id, instance.dependsOn);
            for (let at = edges.start[position]; at < edges.start[position + 1]; at++)
                targets.push(edges.targets[at]);
        }
        else {
            // For a selected position, resolve() walks its unselected ancestors; the memo must not treat it as one.
            for (let at = edges.start[position]; at < edges.start[position + 1]; at++) {
                if (selected[edges.targets[at]] !== 1)
                    resolve(edges.targets[at]);
            }
            const list = nearestOf(position);
            dependsOn.set(instance.id, list.map((upstream) => instances[upstream].id).sort());
            for (const upstream of list)
                targets.push(upstream);
        }
        start[++next] = targets.length;
    });
    // A dependency may come after its dependent in instance order: renumber once every position is known.
    const dagTargets = Int32Array.from(targets, (position) => dagPosition[position]);
    const dagEdges = { start, targets: dagTargets };
    return new CompiledDag(ids, dependsOn, countsOf(start), edges_reverseEdges(count, dagEdges), {
        graph,
        positions: graphPosition,
    });
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/plan-failover.js







function checkRegion(manifest, region, setting) {
    const names = manifest.regions.map((candidate) => candidate.name);
    if (!names.includes(region)) {
        const hint = closestName(region, names);
        throw new UsageError((name) => `${name(setting)}: unknown region '${region}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has ${names.join(', ')}`);
    }
}
/** The manifest with `primary` as its one primary region and every other region secondary. */
function withPrimary(manifest, primary) {
    return {
        ...manifest,
        regions: manifest.regions.map((region) => ({
            name: region.name,
            role: region.name === primary ? 'primary' : 'secondary',
        })),
    };
}
/**
 * What a failover from `from` (default: the primary) to `to` does, worked out before anything runs, so every
 * refusal comes first: unknown regions, `to` equal to `from`, a target already primary (unless forced), a
 * selection with nothing that can move to the target.
 */
function planFailover({ manifest, locations }, request) {
    const primary = primaryRegionOf(manifest);
    const from = request.from ?? primary;
    checkRegion(manifest, request.to, 'to');
    checkRegion(manifest, from, 'from');
    const to = request.to;
    if (to === from) {
        throw new UsageError((name) => `${name('to')} ${to} is the region being failed over from; choose a region that is up`);
    }
    if (to === primary && !request.force) {
        throw new UsageError((name) => `The manifest already names ${to} as the primary region: a failover to it has nothing to take over. If the roles in ${manifest.file} were swapped before the failover ran, use ${name('force')}.`);
    }
    if ([manifest.backend.config, ...Object.values(manifest.backend.regionConfig)].some((config) => Object.values(config).some((value) => typeof value === 'string' && value.includes('{role}')))) {
        throw new UsageError(`backend.config uses {role}: a failover changes the roles, so every state location would move with it. Key the state by {region} (and {account}, {id}) instead, then fail over.`);
    }
    for (const account of request.accounts ?? []) {
        const spec = manifest.accounts.find((candidate) => candidate.name === account);
        if (spec && !spec.regions.includes(to)) {
            throw new UsageError(`Account '${account}' has no region ${to}; it cannot fail over there`);
        }
    }
    const after = withPrimary(manifest, to);
    const graph = expandManifest({ manifest: after, locations });
    const layers = new Map(after.layers.map((layer) => [layer.name, layer]));
    const notes = [];
    for (const account of manifest.accounts) {
        if (request.accounts?.length && !request.accounts.includes(account.name))
            continue;
        for (const environment of account.environments) {
            if (request.environments?.length && !request.environments.includes(environment.name))
                continue;
            if (environment.regions.includes(from) && !environment.regions.includes(to)) {
                notes.push(`${account.name}/${environment.name} runs only in ${environment.regions.join(', ')}: it has no DR target in ${to} and is not failed over`);
            }
        }
    }
    const target = new Set(graph.instances
        .filter((instance) => instance.region === to && lookup_getOrThrow(layers, instance.layer, 'layer').failover === 'apply')
        .map((instance) => instance.id));
    const dag = selectInstances(graph, {
        accounts: request.accounts,
        environments: request.environments,
        layers: request.layers,
        within: target,
    });
    if (dag.ids.length === 0) {
        throw new UsageError(`Nothing to fail over to ${to} with this selection: no region or environment layer with 'failover: apply' runs there${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`);
    }
    return {
        from,
        to,
        graph,
        dag,
        context: { role: 'primary', failover: true, failedRegion: from },
        replicaBackends: replicaBackendsFor(manifest, graph, dag, from),
        notes,
    };
}
/** Upstreams outside the failover set whose state sits in the failed region, with their replica's backend. */
function replicaBackendsFor(manifest, graph, dag, from) {
    const selected = new Set(dag.ids);
    const upstream = new Set();
    const stack = [...dag.ids];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        for (const dependency of lookup_getOrThrow(graph.byId, id, 'instance').dependsOn) {
            if (selected.has(dependency) || upstream.has(dependency))
                continue;
            upstream.add(dependency);
            stack.push(dependency);
        }
    }
    const replicas = new Map();
    for (const id of [...upstream].sort()) {
        const instance = lookup_getOrThrow(graph.byId, id, 'instance');
        if (stateRegionOf(instance, manifest) !== from)
            continue;
        const replica = manifest.backend.replicas[from];
        if (replica === undefined) {
            throw new UsageError(`The outputs of ${id} are needed, but its state is in the failed region ${from} and backend.replicas names no replica of ${from}; replicate the state bucket and add 'replicas: { ${from}: <region> }' to the backend`);
        }
        replicas.set(id, replicaBackend(manifest, instance, replica));
    }
    return replicas;
}
function stateRegionOf(instance, manifest) {
    return instance.region ?? manifest.backend.globalRegion;
}
/** The instance's backend rendered for the replica region: where replication copies its state. */
function replicaBackend(manifest, instance, replicaRegion) {
    return renderInstanceBackend(manifest.backend, tokenValues(instance, replicaRegion, regionRoleOf(manifest, replicaRegion)));
}

;// CONCATENATED MODULE: ./build/tsc/core/schedule/critical-path.js
/* eslint-disable @typescript-eslint/no-non-null-assertion -- An integer kernel of the 100k-instance graph:
   every index below is a position under the length its typed array or list was made with, or an offset
   between two entries of a `start` array. A check on each access would only cost time (npm run bench:graph);
   the tests over every example manifest and the property tests exercise these bounds. */

/**
 * For each id, the length of the longest chain from its start to the end of the run through what waits for
 * it, counting its own cost (default 1 per instance; recorded durations make it a time). Starting the
 * longest remaining chain first keeps the critical path busy. Visited in reverse topological order, which is
 * the order `cost` is called in and the map's order.
 */
function remainingPathLengths(dag, cost = () => 1) {
    const compiled = compiledDagOf(dag);
    const order = topologyOf(compiled)?.order;
    if (!order)
        throw new Error('topologicalOrder: the graph has a cycle');
    const { start, targets } = compiled.dependents;
    const lengths = new Float64Array(order.length);
    const result = new Map();
    for (let at = order.length - 1; at >= 0; at--) {
        const position = order[at];
        let longest = 0;
        for (let next = start[position]; next < start[position + 1]; next++)
            longest = Math.max(longest, lengths[targets[next]]);
        const id = compiled.ids[position];
        const length = cost(id) + longest;
        lengths[position] = length;
        result.set(id, length);
    }
    return result;
}
/** The length of the longest chain in the whole graph. */
function criticalPathLength(dag, cost = () => 1) {
    let longest = 0;
    for (const length of remainingPathLengths(dag, cost).values())
        longest = Math.max(longest, length);
    return longest;
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/recovery-estimate.js


/** What neither a drill nor a recorded failover measures. */
const ESTIMATE_LEAVES_OUT = [
    'noticing the outage and deciding to fail over',
    'the wait for approval between the reviewed plan and the apply',
    "DNS TTL: clients keep the failed region's records until their cache expires",
    'restoring data beyond what the layers apply (a restore the code waits for is counted)',
];
/**
 * The recovery time a drill expects: the critical path of the failover set, each instance costing its
 * duration in the recorded failover (`recorded`, the last failover's result) when it has one, else its plan
 * time in this drill, which leaves out every apply.
 */
function estimateRecovery(dag, drill, recorded) {
    const durations = new Map(drill.instances.map((instance) => [instance.id, durationOf(instance) ?? 0]));
    let fromHistory = 0;
    for (const instance of recorded?.instances ?? []) {
        const duration = durationOf(instance);
        if (durations.has(instance.id) && duration !== null) {
            durations.set(instance.id, duration);
            fromHistory++;
        }
    }
    const lengths = remainingPathLengths(dag, (id) => durations.get(id) ?? 0);
    const seconds = Math.round(Math.max(0, ...lengths.values()) / 100) / 10;
    const total = dag.ids.length;
    let basis;
    if (recorded === undefined) {
        basis = `this drill's plan times only, without any apply: give it the last failover's result (history) for real durations`;
    }
    else if (fromHistory === total) {
        basis = `the durations of the failover recorded at ${recorded.startedAt}`;
    }
    else {
        basis = `the durations of the failover recorded at ${recorded.startedAt} for ${fromHistory} of ${total} instances; the other ${total - fromHistory} count their plan time in this drill, without their apply`;
    }
    return { seconds, basis, leavesOut: [...ESTIMATE_LEAVES_OUT] };
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/recovery-point.js
/**
 * The output a layer publishes for the drill: the time of its latest restorable snapshot (RFC 3339, e.g.
 * `2026-05-04T03:00:00Z`), as the replicated backup store in the DR region reports it.
 */
const RECOVERY_POINT_OUTPUT = 'strata_recovery_point';
/**
 * Checks every published recovery point against the objective: each must be a time no older than `rpo`
 * at `now`. With an objective and nothing published, the drill cannot show the objective is met, and fails.
 */
function checkRecoveryPoints(published, rpo, now) {
    const checks = [...published.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, value]) => {
        const shown = typeof value === 'string' ? value : JSON.stringify(value);
        const at = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? Date.parse(value) : NaN;
        if (Number.isNaN(at)) {
            return {
                id,
                value: shown,
                ageSeconds: null,
                withinRpo: rpo ? false : null,
                problem: `output ${RECOVERY_POINT_OUTPUT} of ${id} is ${JSON.stringify(value)}, not an RFC 3339 time such as '2026-05-04T03:00:00Z'`,
            };
        }
        const ageMs = Math.max(0, now.getTime() - at);
        const withinRpo = rpo ? ageMs <= rpo.ms : null;
        return {
            id,
            value: shown,
            ageSeconds: Math.round(ageMs / 1000),
            withinRpo,
            problem: rpo && withinRpo === false
                ? `the latest recovery point of ${id} is ${recovery_point_formatAge(ageMs)} old, older than dr.rpo ${rpo.text}: a failover now would lose more data than the objective allows`
                : null,
        };
    });
    const problem = rpo && checks.length === 0
        ? `dr.rpo is ${rpo.text} but no instance the drill read publishes the output ${RECOVERY_POINT_OUTPUT}: the drill cannot show the objective is met (publish it from the layer that holds the replicated backups in the DR region)`
        : null;
    return { rpo: rpo?.text ?? null, checks, problem };
}
/** `3h 12m`, `45m`, `20s`: an age as an operator reads it. */
function recovery_point_formatAge(ms) {
    const seconds = Math.round(ms / 1000);
    const days = Math.floor(seconds / 86_400);
    const hours = Math.floor((seconds % 86_400) / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const parts = [
        days > 0 ? `${days}d` : '',
        hours > 0 ? `${hours}h` : '',
        minutes > 0 ? `${minutes}m` : '',
        seconds < 60 ? `${seconds}s` : '',
    ].filter((part) => part !== '');
    return parts.slice(0, 2).join(' ');
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/steady-state.js

/** Each environment's strategy by account and name, looked up once rather than searched for per instance. */
function strategyLookup(manifest) {
    const strategies = new Map();
    for (const account of manifest.accounts) {
        for (const environment of account.environments) {
            strategies.set(`${account.name}/${environment.name}`, environment.strategy);
        }
    }
    return (account, environment) => lookup_getOrThrow(strategies, `${account}/${environment}`, 'environment');
}
/**
 * The role an instance runs with in steady state, or null when its DR strategy keeps it out of that region
 * until a failover. Secondary regions hold: region layers marked `standby` (the default for region layers);
 * under backup_restore, environment layers only when marked `standby`; under pilot_light and warm_standby,
 * every environment layer, with role `standby` so its code can scale it down. Global and account instances
 * have no region, hence no role, and always exist. The lookups are built once for the whole manifest.
 */
function steadyStateRoles(manifest) {
    const layers = new Map(manifest.layers.map((layer) => [layer.name, layer]));
    const strategyOf = strategyLookup(manifest);
    return (instance) => {
        if (instance.region === null)
            return null;
        if (instance.role === 'primary')
            return 'primary';
        const { standby } = lookup_getOrThrow(layers, instance.layer, 'layer');
        // A region instance (scope region) has no environment.
        if (instance.account === null || instance.environment === null)
            return standby ? 'secondary' : null;
        if (strategyOf(instance.account, instance.environment) === 'backup_restore')
            return standby ? 'standby' : null;
        return 'standby';
    };
}
/** Ids of the instances that exist in steady state: what normal plan and apply work on. */
function steadyStateIds(graph, manifest) {
    const roleOf = steadyStateRoles(manifest);
    const ids = new Set();
    for (const instance of graph.instances) {
        if (instance.region === null || roleOf(instance) !== null)
            ids.add(instance.id);
    }
    return ids;
}

;// CONCATENATED MODULE: ./build/tsc/core/manifest/swap-roles.js


/**
 * The manifest text with `primary` as the primary region and every other region secondary. Only the `role`
 * values change, in place: comments, formatting and everything else stay byte for byte, so the change reads
 * as a small pull request.
 */
function setPrimaryRegion(text, primary) {
    const document = (0,dist/* parseDocument */.Tp)(text, { keepSourceTokens: true });
    const regions = document.get('regions', true);
    if (!(0,dist/* isMap */.jh)(regions))
        throw new UsageError("The manifest has no 'regions' map to update");
    const edits = [];
    let found = false;
    for (const pair of regions.items) {
        if (!(0,dist/* isPair */.tO)(pair) || !(0,dist/* isScalar */.jn)(pair.key) || !(0,dist/* isMap */.jh)(pair.value))
            continue;
        const region = String(pair.key.value);
        found ||= region === primary;
        const role = pair.value.get('role', true);
        if (!(0,dist/* isScalar */.jn)(role) || !role.range)
            continue;
        const wanted = region === primary ? 'primary' : 'secondary';
        if (role.value === wanted)
            continue;
        const quote = /^["']/.exec(text.slice(role.range[0], role.range[1]))?.[0] ?? '';
        edits.push({ start: role.range[0], end: role.range[1], value: `${quote}${wanted}${quote}` });
    }
    if (!found)
        throw new UsageError(`Region '${primary}' is not declared in the manifest`);
    let result = text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
        result = result.slice(0, edit.start) + edit.value + result.slice(edit.end);
    }
    return result;
}

;// CONCATENATED MODULE: ./build/tsc/core/merge-results.js


const STATUS_ORDER = ['succeeded', 'running', 'cancelled', 'failed'];
/**
 * One result from the results of several matrix jobs: their instances together (an instance reported twice
 * keeps its last report), the earliest start, the latest end, the worst status (a job that has not finished,
 * `running`, is worse than a success).
 */
function mergeResults(results) {
    const [first] = results;
    if (first === undefined)
        throw new UsageError('No result files to merge');
    const instances = new Map(results.flatMap((result) => result.instances.map((instance) => [instance.id, instance])));
    const started = results.map((result) => result.startedAt).reduce((a, b) => (b < a ? b : a));
    const finished = results
        .map((result) => result.finishedAt)
        .filter((value) => value !== null);
    const finishedAt = finished.length === results.length ? finished.reduce((a, b) => (b > a ? b : a)) : null;
    return {
        ...first,
        status: results
            .map((result) => result.status)
            .reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a)),
        startedAt: started,
        finishedAt,
        durationMs: finishedAt === null ? null : Date.parse(finishedAt) - Date.parse(started),
        hasChanges: results.some((result) => result.hasChanges),
        instances: [...instances.values()],
    };
}
/** The reason a report gives an instance that no job reported. */
const NOT_REPORTED = 'not run: no result file reports it (its stage did not run, or its job uploaded no result)';
/**
 * The report of a matrix run: the jobs' results merged over every instance the run was meant to cover, so
 * that what no job reported (a stage that never ran, a job that uploaded nothing) is listed as not run
 * (skipped, with the reason) instead of vanishing. The report is final: it succeeds only when every instance
 * succeeded, so a job that never finished (killed, its file still `running`, its instances pending or
 * running) makes it fail.
 */
function mergeReport(results, expected) {
    const merged = mergeResults(results);
    const reported = new Set(merged.instances.map((instance) => instance.id));
    const notRun = expected
        .filter((instance) => !reported.has(instance.id))
        .map((instance) => ({
        ...identityOf(instance),
        status: 'skipped',
        reason: NOT_REPORTED,
    }));
    const instances = [...merged.instances, ...notRun];
    const unfinished = merged.status === 'running' || instances.some((instance) => !FINISHED.has(instance.status));
    const failed = instances.some((instance) => instance.status === 'failed' || instance.status === 'skipped');
    return { ...merged, status: unfinished || failed ? 'failed' : merged.status, instances };
}

;// CONCATENATED MODULE: ./build/tsc/core/render/run-text.js


function formatChanges(changes) {
    return changes === null ? '' : `+${changes.add} ~${changes.change} -${changes.destroy}`;
}
function formatDuration(ms) {
    if (ms === null)
        return '';
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)}s`;
    const minutes = Math.floor(ms / 60_000);
    return `${minutes}m${Math.round((ms % 60_000) / 1000)
        .toString()
        .padStart(2, '0')}s`;
}
/**
 * One line per state change, readable while many instances run at once:
 * `[3/12] prod/eu-west-2/network  plan` while running, `[4/12] prod/eu-west-2/network  succeeded  +2 ~1 -0  14.2s`.
 */
function progressLine(instance, run) {
    const done = run.instances.filter((candidate) => run_result_FINISHED.has(candidate.status)).length;
    const state = instance.status === 'running' ? (instance.step ?? 'running') : instance.status;
    const parts = [instance.id, state];
    if (run_result_FINISHED.has(instance.status)) {
        parts.push(formatChanges(changesOf(instance)), formatDuration(durationOf(instance)));
        if ((instance.status === 'skipped' || instance.status === 'cancelled') && instance.reason)
            parts.push(`(${instance.reason})`);
    }
    return `[${done}/${run.instances.length}] ${parts.filter((part) => part !== '').join('  ')}`;
}
/** The final table: every instance with its status, changes and duration, then the totals. */
function runTable(run) {
    const header = ['INSTANCE', 'STATUS', 'CHANGES', 'DURATION'];
    const rows = [header];
    for (const instance of run.instances) {
        rows.push([
            instance.id,
            instance.status + (hasTimedOut(instance) ? ' (timed out)' : ''),
            formatChanges(changesOf(instance)),
            formatDuration(durationOf(instance)),
        ]);
    }
    // Every row has the header's four cells.
    const widths = header.map((_, column) => Math.max(...rows.map((row) => lookup_itemAt(row, column, 'cell').length)));
    const lines = rows.map((row) => row
        .map((cell, column) => cell.padEnd(lookup_itemAt(widths, column, 'width')))
        .join('  ')
        .trimEnd());
    const counts = new Map();
    for (const instance of run.instances)
        counts.set(instance.status, (counts.get(instance.status) ?? 0) + 1);
    const totals = [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
    lines.push('', `${run.command} ${run.status}: ${totals} in ${formatDuration(run.durationMs)}`);
    for (const instance of run.instances) {
        if (instance.status === 'failed' && instance.error) {
            lines.push('', `${instance.id} failed:`, ...instance.error.split('\n').map((line) => `  ${line}`));
        }
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/timeline.js


/** Each instance that ran, as offsets from the run's first command, in start order. */
function timelineOf(run) {
    const ran = run.instances.flatMap((instance) => {
        const progress = progressOf(instance);
        return progress?.finishedAt === undefined
            ? []
            : [
                {
                    instance,
                    startedAt: Date.parse(progress.startedAt),
                    finishedAt: Date.parse(progress.finishedAt),
                },
            ];
    });
    if (ran.length === 0)
        return [];
    const origin = Math.min(...ran.map(({ startedAt }) => startedAt));
    return ran
        .map(({ instance, startedAt, finishedAt }) => ({
        id: instance.id,
        account: instance.account,
        status: instance.status,
        start: startedAt - origin,
        end: finishedAt - origin,
    }))
        .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
}
/** Recovery time: from the first command to the last success, when everything succeeded; else null. */
function recoverySeconds(run) {
    if (run.status !== 'succeeded')
        return null;
    const entries = timelineOf(run);
    if (entries.length === 0)
        return 0;
    return Math.round(Math.max(...entries.map((entry) => entry.end)) / 100) / 10;
}
/** The timeline as a Markdown table: instance, status, start and end offsets, duration. */
function renderTimelineTable(run) {
    const rows = timelineOf(run).map((entry) => `| ${entry.id} | ${entry.status} | +${formatDuration(entry.start)} | +${formatDuration(entry.end)} | ${formatDuration(entry.end - entry.start)} |`);
    return (['| instance | status | start | end | duration |', '|---|---|---|---|---|', ...rows].join('\n') + '\n');
}
/** The timeline as a Mermaid Gantt chart, one section per account, bars coloured by outcome. */
function renderGantt(run, title) {
    const entries = timelineOf(run);
    const lines = [
        'gantt',
        `  title ${title.replace(/[:#;\n]/g, ' ')}`,
        '  dateFormat x',
        '  axisFormat %M:%S',
    ];
    const sections = new Map();
    for (const entry of entries) {
        const name = entry.account ?? 'global';
        sections.set(name, [...(sections.get(name) ?? []), entry]);
    }
    for (const [name, list] of sections) {
        lines.push(`  section ${name}`);
        for (const entry of list) {
            const tag = entry.status === 'succeeded' ? 'done' : entry.status === 'failed' ? 'crit' : 'active';
            // At least 1 ms wide, or Mermaid drops the bar.
            lines.push(`  ${entry.id.replace(/[:#;]/g, ' ')} :${tag}, ${entry.start}, ${Math.max(entry.end, entry.start + 1)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./build/tsc/core/result-file.js

/** The fields of InstanceResultFile beyond the identity and status, as they read where they do not apply. */
const notApplicable = () => ({
    step: null,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    changes: null,
    resourceChanges: [],
    error: null,
    reason: null,
    timedOut: false,
    mockedUpstreams: [],
    planFile: null,
});
/** A run as its result file holds it (see InstanceResultFile for why every field is written). */
function toResultFile(run) {
    return { ...run, instances: run.instances.map(instanceToFile) };
}
function instanceToFile(instance) {
    switch (instance.status) {
        case 'pending':
        case 'running':
        case 'succeeded':
        case 'failed':
            return { ...notApplicable(), ...instance };
        case 'skipped':
        case 'cancelled': {
            const { attempt, ...rest } = instance;
            return { ...notApplicable(), ...attempt, ...rest };
        }
    }
}
const INSTANCE_STATUSES = [
    'pending',
    'running',
    'succeeded',
    'failed',
    'skipped',
    'cancelled',
];
const RUN_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'];
const COMMANDS = ['plan', 'apply', 'destroy'];
const STEPS = ['init', 'read-upstream', 'plan', 'show', 'apply', 'output'];
/** Reads one field of a parsed object, or says which field of which file is wrong. */
class FieldReader {
    fields;
    where;
    constructor(fields, where) {
        this.fields = fields;
        this.where = where;
    }
    fail(name, expected) {
        throw new UsageError(`${this.where}: '${name}' must be ${expected}, got ${name in this.fields ? JSON.stringify(this.fields[name]) : 'nothing'}; it is not a result file this Strata can read`);
    }
    string(name) {
        const value = this.fields[name];
        return typeof value === 'string' ? value : this.fail(name, 'a string');
    }
    stringOrNull(name) {
        const value = this.fields[name] ?? null;
        return value === null || typeof value === 'string' ? value : this.fail(name, 'a string or null');
    }
    number(name) {
        const value = this.fields[name];
        return typeof value === 'number' ? value : this.fail(name, 'a number');
    }
    numberOrNull(name) {
        const value = this.fields[name] ?? null;
        return value === null || typeof value === 'number' ? value : this.fail(name, 'a number or null');
    }
    boolean(name) {
        const value = this.fields[name] ?? false;
        return typeof value === 'boolean' ? value : this.fail(name, 'true or false');
    }
    oneOf(name, values) {
        const value = this.fields[name];
        return values.includes(value) ? value : this.fail(name, `one of ${values.join(', ')}`);
    }
    stepOrNull(name) {
        return this.fields[name] == null ? null : this.oneOf(name, STEPS);
    }
    object(name) {
        const value = this.fields[name];
        return isObject(value) ? new FieldReader(value, `${this.where}, ${name}`) : this.fail(name, 'an object');
    }
    changes(name) {
        if (this.fields[name] == null)
            return null;
        const counts = this.object(name);
        return {
            add: counts.number('add'),
            change: counts.number('change'),
            destroy: counts.number('destroy'),
            replace: counts.number('replace'),
        };
    }
    list(name, item) {
        const value = this.fields[name] ?? [];
        if (!Array.isArray(value))
            return this.fail(name, 'a list');
        return value.map((entry) => item(entry) ?? this.fail(name, 'a list of the right entries'));
    }
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** A result file's text read into the model; `source` names the file in what a bad one is told. */
function parseResultText(text, source) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new UsageError(`${source} is not valid JSON: ${error.message}`);
    }
    return parseResultFile(parsed, source);
}
/**
 * Checks that a parsed file is a Strata result (as `--json-out` and the action write them, now or in any
 * earlier version 1) and reads it into the model: each instance narrowed to its status, with the fields that
 * status always has checked to be there. The one place a result is read from a file.
 */
function parseResultFile(value, source) {
    if (!isObject(value) || value.version !== 1 || !Array.isArray(value.instances)) {
        throw new UsageError(`${source} is not a Strata result file (expected {"version": 1, "command", "instances": [...]})`);
    }
    const run = new FieldReader(value, source);
    const terraform = run.object('terraform');
    const result = {
        version: 1,
        command: run.oneOf('command', COMMANDS),
        status: run.oneOf('status', RUN_STATUSES),
        manifest: run.string('manifest'),
        startedAt: run.string('startedAt'),
        finishedAt: run.stringOrNull('finishedAt'),
        durationMs: run.numberOrNull('durationMs'),
        terraform: { binary: terraform.string('binary'), version: terraform.stringOrNull('version') },
        parallelism: run.number('parallelism'),
        hasChanges: run.boolean('hasChanges'),
        instances: value.instances.map((instance, index) => instanceFromFile(instance, `${source}, instances[${index}]`)),
    };
    // Written by this module's counterpart and only shown, never decided on: taken as it is.
    if (isObject(value.failover))
        result.failover = value.failover;
    return result;
}
/** One instance of a result file, narrowed to its status (see parseResultFile). */
function instanceFromFile(value, where) {
    if (!isObject(value))
        throw new UsageError(`${where}: an instance must be an object`);
    const fields = new FieldReader(value, typeof value.id === 'string' ? `${where} (${value.id})` : where);
    const identity = {
        id: fields.string('id'),
        layer: fields.string('layer'),
        scope: fields.oneOf('scope', ['global', 'account', 'region', 'environment']),
        account: fields.stringOrNull('account'),
        region: fields.stringOrNull('region'),
        environment: fields.stringOrNull('environment'),
    };
    const progress = () => ({
        changes: fields.changes('changes'),
        resourceChanges: fields.list('resourceChanges', (entry) => isObject(entry) && typeof entry.address === 'string' && typeof entry.action === 'string'
            ? { address: entry.address, action: entry.action }
            : undefined),
        mockedUpstreams: fields.list('mockedUpstreams', (entry) => typeof entry === 'string' ? entry : undefined),
        planFile: fields.stringOrNull('planFile'),
    });
    const timing = () => ({
        startedAt: fields.string('startedAt'),
        finishedAt: fields.string('finishedAt'),
        durationMs: fields.number('durationMs'),
    });
    const attempt = () => ({ ...progress(), ...timing(), step: fields.stepOrNull('step') });
    const started = value.startedAt != null;
    const status = fields.oneOf('status', INSTANCE_STATUSES);
    switch (status) {
        case 'pending':
            return { ...identity, status };
        case 'running':
            return {
                ...identity,
                status,
                startedAt: fields.string('startedAt'),
                step: fields.stepOrNull('step'),
                ...progress(),
            };
        case 'succeeded':
            return { ...identity, status, ...progress(), ...timing() };
        case 'failed':
            return {
                ...identity,
                status,
                ...attempt(),
                error: fields.string('error'),
                timedOut: fields.boolean('timedOut'),
            };
        case 'skipped':
            return {
                ...identity,
                status,
                reason: fields.string('reason'),
                ...(started ? { attempt: attempt() } : {}),
            };
        case 'cancelled':
            return {
                ...identity,
                status,
                reason: fields.string('reason'),
                ...(started
                    ? {
                        attempt: {
                            ...attempt(),
                            error: fields.stringOrNull('error') ?? '',
                            timedOut: fields.boolean('timedOut'),
                        },
                    }
                    : {}),
            };
    }
}

;// CONCATENATED MODULE: ./build/tsc/core/schedule/waves.js


/**
 * Groups ids into waves: each id sits in the earliest wave after all of its dependencies, so every wave
 * depends only on earlier ones and nothing could start a wave sooner. Ids inside a wave are sorted.
 */
function computeWaves(dag) {
    const compiled = compiledDagOf(dag);
    const levels = topologyOf(compiled)?.levels;
    if (!levels)
        throw new Error('computeWaves: the graph has a cycle');
    const waves = [];
    // One level per id: levels was made at ids.length.
    compiled.ids.forEach((id, position) => {
        const level = lookup_itemAt(levels, position, 'level');
        while (waves.length <= level)
            waves.push([]);
        lookup_itemAt(waves, level, 'wave').push(id);
    });
    // The default sort compares strings by UTF-16 code units, as compareIds does.
    for (const wave of waves)
        wave.sort();
    return waves;
}
function compareIds(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./build/tsc/core/schedule/ready-queue.js



/**
 * The live scheduling policy, free of I/O: an instance becomes ready the moment everything it depends on
 * has succeeded; among ready instances the one with the longest remaining path goes first, then by id, so
 * runs are deterministic. A failure makes every transitive dependent unreachable at once.
 */
class ReadyQueue {
    priority;
    dependents;
    unfinished = new Map();
    heap = [];
    dropped = new Set();
    started = new Set();
    running = 0;
    left;
    constructor(dag, priority = new Map()) {
        this.priority = priority;
        this.dependents = dependentsOf(dag);
        this.left = dag.ids.length;
        for (const id of dag.ids) {
            const count = (dag.dependsOn.get(id) ?? []).length;
            this.unfinished.set(id, count);
            if (count === 0)
                this.push(id);
        }
    }
    /** Whether nothing is ready, running or waiting any more. */
    get isDone() {
        return this.left === 0;
    }
    get runningCount() {
        return this.running;
    }
    /** Takes up to `limit` ready ids, best first, and counts them as running. */
    take(limit) {
        const taken = [];
        while (taken.length < limit && this.heap.length > 0)
            taken.push(this.pop());
        this.running += taken.length;
        return taken;
    }
    /**
     * Records the end of a running id. On success, returns nothing and readies what waited only for it; on
     * failure, returns every transitive dependent, none of which will run.
     */
    finish(id, succeeded) {
        this.running--;
        this.left--;
        if (succeeded) {
            for (const dependent of this.dependents.get(id) ?? []) {
                const count = lookup_getOrThrow(this.unfinished, dependent, 'instance') - 1;
                this.unfinished.set(dependent, count);
                if (count === 0 && !this.dropped.has(dependent))
                    this.push(dependent);
            }
            return [];
        }
        const unreachable = [];
        const stack = [...(this.dependents.get(id) ?? [])];
        for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
            if (this.dropped.has(next))
                continue;
            this.dropped.add(next);
            unreachable.push(next);
            this.left--;
            stack.push(...(this.dependents.get(next) ?? []));
        }
        return unreachable.sort(compareIds);
    }
    /** Drops everything not yet started (fail-fast, cancellation) and returns those ids. */
    drain() {
        const rest = [...this.unfinished.keys()].filter((id) => this.isWaitingOrReady(id));
        for (const id of rest)
            this.dropped.add(id);
        this.heap.length = 0;
        this.left -= rest.length;
        return rest.sort(compareIds);
    }
    isWaitingOrReady(id) {
        return !this.started.has(id) && !this.dropped.has(id);
    }
    before(a, b) {
        const pa = this.priority.get(a) ?? 0;
        const pb = this.priority.get(b) ?? 0;
        return pa !== pb ? pa > pb : a < b;
    }
    /* eslint-disable @typescript-eslint/no-non-null-assertion -- A binary heap: every index read is checked
       against heap.length by the loops (index > 0, left/right < length), and pop is called only when not empty. */
    push(id) {
        const heap = this.heap;
        heap.push(id);
        let index = heap.length - 1;
        while (index > 0) {
            const parent = (index - 1) >> 1;
            if (!this.before(heap[index], heap[parent]))
                break;
            [heap[index], heap[parent]] = [heap[parent], heap[index]];
            index = parent;
        }
    }
    pop() {
        const heap = this.heap;
        const top = heap[0];
        const last = heap.pop();
        if (heap.length > 0) {
            heap[0] = last;
            let index = 0;
            for (;;) {
                const left = index * 2 + 1;
                const right = left + 1;
                let best = index;
                if (left < heap.length && this.before(heap[left], heap[best]))
                    best = left;
                if (right < heap.length && this.before(heap[right], heap[best]))
                    best = right;
                if (best === index)
                    break;
                [heap[index], heap[best]] = [heap[best], heap[index]];
                index = best;
            }
        }
        this.started.add(top);
        return top;
    } /* eslint-enable @typescript-eslint/no-non-null-assertion */
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./build/tsc/core/upstream-wait.js
/**
 * The reason of an instance skipped because an upstream has no state yet (and no mock outputs stand in):
 * written by the engine, read back by the failover's preview, which defers such an instance when the failover
 * itself creates that upstream.
 */
function upstreamWaitReason(upstream, advice) {
    return `waits on upstream ${upstream}, which has not been applied yet (its state has no outputs): ${advice}`;
}
/**
 * The upstream an instance waits on: when `reason` is an `upstreamWaitReason`, or the engine's reason for an
 * instance it never started below one that was skipped (`upstream <id> skipped`), which waits in turn.
 */
function waitedOnUpstream(reason) {
    const text = reason ?? '';
    return (/^waits on upstream (\S+), which has not been applied yet/.exec(text)?.[1] ??
        /^upstream (\S+) skipped$/.exec(text)?.[1]);
}

;// CONCATENATED MODULE: ./build/tsc/terraform/plan-skeleton.js

/** Which values are kept, by their path in the document. */
function isWanted(path) {
    const [top, , field, inner] = path;
    if (path.length === 1) {
        return ['format_version', 'terraform_version', 'errored', 'applyable', 'complete'].includes(top);
    }
    if (top === 'resource_changes' || top === 'resource_drift') {
        if (path.length === 3)
            return ['address', 'mode', 'action_reason', 'deposed'].includes(field);
        if (path.length === 4 && field === 'change')
            return inner === 'actions' || inner === 'importing';
        return false;
    }
    if (top === 'output_changes' && path.length === 3) {
        return ['actions', 'before_sensitive', 'after_sensitive'].includes(field);
    }
    return false;
}
class PlanSkeletonReader {
    skeleton = {};
    stack = [];
    state = 'value';
    escaping = false;
    token = '';
    /** Raw JSON of the wanted value being captured, and the stack depth it started at. */
    capture = null;
    captureDepth = -1;
    sawPlannedValues = false;
    done = false;
    /** What came before the document: Terraform may print a warning first (a missing CLI config file). */
    preamble = '';
    write(chunk) {
        // UTF-16 code units, not code points: the JSON syntax this reads is ASCII, and the text is only copied.
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- index < chunk.length
        for (let index = 0; index < chunk.length; index++)
            this.step(chunk[index]);
    }
    /** The skeleton as a plan document for `parsePlanJson` (which recognises a plan by its planned_values). */
    end() {
        if (this.stack.length > 0)
            throw new Error('the plan JSON ended early');
        if (!this.done) {
            const before = this.preamble.trim().slice(0, 300);
            throw new Error(`the output held no plan JSON${before ? `, only: ${before}` : ''}`);
        }
        if (this.sawPlannedValues)
            this.skeleton.planned_values = {};
        return JSON.stringify(this.skeleton);
    }
    /** The innermost open object or array; the states that ask for it occur only inside one. */
    top() {
        return definedOrThrow(this.stack.at(-1), 'open plan JSON value');
    }
    path() {
        return this.stack.map((frame) => definedOrThrow(frame.key, 'plan JSON key'));
    }
    step(char) {
        if (this.done)
            return;
        if (this.stack.length === 0 && this.state === 'value' && char !== '{') {
            if (this.preamble.length < 4096)
                this.preamble += char;
            return;
        }
        if (this.capture !== null)
            this.capture += char;
        switch (this.state) {
            case 'string':
            case 'key-string':
                if (this.escaping)
                    this.escaping = false;
                else if (char === '\\')
                    this.escaping = true;
                else if (char === '"') {
                    if (this.state === 'key-string') {
                        this.top().key = JSON.parse(`${this.token}"`);
                        this.state = 'after-key';
                        return;
                    }
                    this.endValue();
                    return;
                }
                if (this.state === 'key-string')
                    this.token += char;
                return;
            case 'literal':
                if (/[\s,\]}]/.test(char)) {
                    if (this.capture !== null)
                        this.capture = this.capture.slice(0, -1);
                    this.endValue();
                    this.step(char);
                }
                return;
            case 'after-key':
                if (char === ':')
                    this.startMember();
                return;
            case 'after-value':
                if (/\s/.test(char))
                    return;
                if (char === ',') {
                    const frame = this.top();
                    if (frame.kind === 'array') {
                        frame.key = frame.key + 1;
                        this.startMember();
                    }
                    else
                        frame.expectingKey = true;
                    this.state = 'value';
                    return;
                }
                if (char === '}' || char === ']')
                    this.close();
                return;
            case 'value': {
                if (/\s/.test(char))
                    return;
                const frame = this.stack[this.stack.length - 1];
                if (frame?.expectingKey) {
                    if (char === '"') {
                        frame.expectingKey = false;
                        this.token = '"';
                        this.state = 'key-string';
                    }
                    else if (char === '}')
                        this.close();
                    return;
                }
                if (char === ']' && frame?.kind === 'array') {
                    this.close();
                    return;
                }
                if (char === '{' || char === '[') {
                    this.stack.push({
                        kind: char === '{' ? 'object' : 'array',
                        key: char === '[' ? 0 : null,
                        expectingKey: char === '{',
                    });
                    if (char === '[')
                        this.startMember();
                    this.state = 'value';
                    return;
                }
                this.state = char === '"' ? 'string' : 'literal';
                return;
            }
        }
    }
    /** A member's value is about to start: begin capturing when its path is wanted. */
    startMember() {
        this.state = 'value';
        if (this.capture !== null)
            return;
        const path = this.path();
        if (path.length === 1 && path[0] === 'planned_values')
            this.sawPlannedValues = true;
        if (isWanted(path)) {
            this.capture = '';
            this.captureDepth = this.stack.length;
        }
    }
    endValue() {
        this.state = 'after-value';
        this.finishCapture();
        if (this.stack.length === 0)
            this.done = true;
    }
    close() {
        this.stack.pop();
        this.endValue();
    }
    finishCapture() {
        if (this.capture === null || this.stack.length !== this.captureDepth)
            return;
        const value = JSON.parse(this.capture.trim());
        const path = this.path();
        this.capture = null;
        const last = definedOrThrow(path.at(-1), 'captured value key');
        let node = this.skeleton;
        path.slice(0, -1).forEach((segment, index) => {
            node[segment] ??= typeof path[index + 1] === 'number' ? [] : {};
            node = node[segment];
        });
        node[last] = value;
    }
}

;// CONCATENATED MODULE: ./build/tsc/terraform/plan-summary.js


const plan_summary_SOURCE = 'terraform show -json';
/** Reads the output of `terraform show -json PLANFILE` (Terraform or OpenTofu, plan format 1.x). */
function parsePlanJson(text) {
    const { plan, formatVersion } = readPlanDocument(text);
    const counts = {
        add: 0,
        change: 0,
        destroy: 0,
        replace: 0,
        forget: 0,
        import: 0,
        read: 0,
        noop: 0,
        other: 0,
    };
    const resourceChanges = [];
    for (const entry of json_objects_arrayAt(plan, 'resource_changes')) {
        const change = toResourceChange(entry);
        // Terraform leaves data sources out of its counts; we show their reads and skip the rest.
        if (entry.mode === 'data' && change.actions !== 'read')
            continue;
        count(counts, change);
        if (change.actions !== 'no-op' || change.isImporting)
            resourceChanges.push(change);
    }
    const outputChanges = [];
    for (const [name, entry] of Object.entries(json_objects_recordAt(plan, 'output_changes'))) {
        if (!json_objects_isRecord(entry))
            continue;
        const rawActions = actionsOf(entry);
        const actions = classify(rawActions);
        if (actions === 'no-op')
            continue;
        const isSensitive = containsTrue(entry.before_sensitive) || containsTrue(entry.after_sensitive);
        outputChanges.push({ name, actions, rawActions, isSensitive });
    }
    const drift = json_objects_arrayAt(plan, 'resource_drift').map(toResourceChange);
    const summary = {
        formatVersion,
        counts,
        resourceChanges,
        outputChanges,
        drift,
        hasDrift: drift.length > 0,
        hasChanges: resourceChanges.some((c) => c.actions !== 'read') || outputChanges.length > 0,
    };
    if (typeof plan.terraform_version === 'string')
        summary.terraformVersion = plan.terraform_version;
    for (const flag of ['errored', 'applyable', 'complete']) {
        if (typeof plan[flag] === 'boolean')
            summary[flag] = plan[flag];
    }
    return summary;
}
/** Terraform's own summary line, e.g. `Plan: 1 to import, 2 to add, 0 to change, 2 to destroy.` */
function planLine(counts) {
    // Terraform 1.13 prints no forget count (see the forget fixture), so neither do we.
    const imports = counts.import > 0 ? `${counts.import} to import, ` : '';
    return `Plan: ${imports}${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.`;
}
function readPlanDocument(text) {
    const documents = parseJsonObjects(text);
    const [plan] = documents;
    if (plan === undefined) {
        throw new TerraformOutputError(plan_summary_SOURCE, 'one JSON plan document', `text that is not a JSON object: ${preview(text)}`);
    }
    if (documents.length > 1) {
        throw new TerraformOutputError(plan_summary_SOURCE, 'one plan', `${documents.length} JSON documents one after another (as \`terragrunt show --all -json\` writes, one per unit); ` +
            'run `show -json` in each unit and read each plan on its own');
    }
    const version = plan.format_version;
    if (typeof version !== 'string') {
        throw new TerraformOutputError(plan_summary_SOURCE, 'a plan with a format_version', keyList(plan));
    }
    if (!/^1\.\d+$/.test(version)) {
        throw new TerraformOutputError(plan_summary_SOURCE, 'plan format_version 1.x', `format_version '${version}'`);
    }
    if (!('planned_values' in plan)) {
        const what = 'values' in plan ? 'a state (values, no planned_values): pass the plan file to show' : keyList(plan);
        throw new TerraformOutputError(plan_summary_SOURCE, 'a plan with planned_values', what);
    }
    return { plan, formatVersion: version };
}
function toResourceChange(entry) {
    const change = json_objects_isRecord(entry.change) ? entry.change : {};
    const rawActions = actionsOf(change);
    const result = {
        address: typeof entry.address === 'string' ? entry.address : '(unknown address)',
        actions: classify(rawActions),
        rawActions,
        isImporting: json_objects_isRecord(change.importing),
    };
    if (typeof entry.action_reason === 'string')
        result.actionReason = entry.action_reason;
    if (typeof entry.deposed === 'string')
        result.deposed = entry.deposed;
    return result;
}
function classify(actions) {
    switch (actions.join(',')) {
        case 'create':
        case 'update':
        case 'delete':
        case 'forget':
        case 'read':
        case 'no-op':
            return actions[0];
        case 'delete,create':
        case 'create,delete':
            return 'replace';
        case 'create,forget':
            return 'create-then-forget';
        default:
            return 'other';
    }
}
/** Terraform's arithmetic for its `Plan:` line (views/plan in Terraform), plus our finer counts. */
function count(counts, change) {
    if (change.isImporting)
        counts.import++;
    switch (change.actions) {
        case 'create':
            counts.add++;
            break;
        case 'update':
            counts.change++;
            break;
        case 'delete':
            counts.destroy++;
            break;
        case 'replace':
            counts.add++;
            counts.destroy++;
            counts.replace++;
            break;
        case 'create-then-forget':
            counts.add++;
            counts.forget++;
            break;
        case 'forget':
            counts.forget++;
            break;
        case 'read':
            counts.read++;
            break;
        case 'no-op':
            counts.noop++;
            break;
        case 'other':
            counts.other++;
            break;
    }
}
function actionsOf(change) {
    return Array.isArray(change.actions) ? change.actions.map(String) : [];
}
/** A sensitivity mark is `true`, or an object/array mirroring the value with `true` at sensitive leaves. */
function containsTrue(mark) {
    if (mark === true)
        return true;
    if (Array.isArray(mark))
        return mark.some(containsTrue);
    return json_objects_isRecord(mark) && Object.values(mark).some(containsTrue);
}
function keyList(record) {
    const keys = Object.keys(record);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 8).join(', ')}`;
}
function preview(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return 'empty output';
    return JSON.stringify(trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed);
}

;// CONCATENATED MODULE: ./build/tsc/engine/var-file.js

/**
 * The variables one instance receives: its context, the layer's `vars`, then one variable per dependency with
 * the upstream outputs. Only variables the layer's code declares are passed, so Terraform never warns about
 * undeclared ones. Coordinates an instance does not have (an account instance's environment) are left out,
 * so the variable's default applies.
 */
function buildVariables(options) {
    const { instance, declared } = options;
    const region = instance.region ?? options.globalRegion;
    const all = {
        account: instance.account ?? undefined,
        account_id: instance.accountId ?? undefined,
        region,
        environment: instance.environment ?? undefined,
        layer: instance.layer,
        role: options.context?.role ?? options.roleOf(region),
        failover: options.context?.failover,
        failed_region: options.context?.failedRegion,
        ...instance.vars,
    };
    for (const [variable, value] of options.upstream)
        all[variable] = value;
    const variables = {};
    for (const name of Object.keys(all).sort()) {
        if (declared.has(name) && all[name] !== undefined)
            variables[name] = all[name];
    }
    return variables;
}
/**
 * The value of each dependency variable: one upstream's outputs, or for a fan-in a map of them keyed by the
 * selected coordinates.
 */
function upstreamVariables(inputs, outputsOf) {
    const values = new Map();
    for (const input of inputs) {
        if (input.isFanIn) {
            values.set(input.variable, Object.fromEntries(input.sources.map((source) => [source.key, outputsOf(source.id)])));
        }
        else {
            // An input that is not a fan-in has its one source.
            values.set(input.variable, outputsOf(lookup_itemAt(input.sources, 0, 'input source').id));
        }
    }
    return values;
}

;// CONCATENATED MODULE: ./build/tsc/engine/work-directory.js

/** The file-system name of an instance: `/` cannot appear in a directory name and `.` cannot appear in names. */
function work_directory_instanceDirectoryName(id) {
    return id.replaceAll('/', '.');
}
/** Where an instance keeps its Terraform data, var file, plan and logs in a run's work directory. */
function instanceDirectory(workDirectory, id) {
    return external_node_path_namespaceObject.join(workDirectory, 'instances', work_directory_instanceDirectoryName(id));
}

;// CONCATENATED MODULE: ./build/tsc/engine/instance-pipeline.js












/** A step failed: the instance stops there and the result says why. */
class StepFailure extends Error {
    timedOut;
    constructor(message, timedOut = false) {
        super(message);
        this.timedOut = timedOut;
    }
}
/** Beside a saved plan: the upstreams whose mock outputs it was made with, when there were any. */
const MOCKED_UPSTREAMS_FILE = 'mocked-upstreams.json';
/** An upstream has no state yet and has no mock outputs: the instance waits for it to be applied. */
class WaitingOnUpstream extends Error {
}
/**
 * What one instance does: init, then read its upstreams' outputs, plan, show, apply and output (or apply a
 * saved plan). One pipeline serves a whole run, and keeps what instances share: outputs read so far, the
 * init gate, the work directory layout. It reports progress as events and returns the outcome; it never
 * throws because Terraform failed.
 */
class InstancePipeline {
    options;
    outputs = new Map();
    firstInit = new Map();
    exclusive = Promise.resolve();
    sections = new Map();
    roles;
    constructor(options) {
        this.options = options;
        this.roles = new Map(options.manifest.regions.map((region) => [region.name, region.role]));
    }
    sectionsOf(id) {
        return this.sections.get(id) ?? [];
    }
    directoryOf(id) {
        return instanceDirectory(this.options.workDirectory, id);
    }
    readDirectoryOf(id) {
        return external_node_path_namespaceObject.join(this.options.workDirectory, 'upstream-reads', work_directory_instanceDirectoryName(id));
    }
    async run(instance, emit) {
        const { command } = this.options;
        const mocked = [];
        const mock = (id) => {
            if (mocked.includes(id))
                return;
            mocked.push(id);
            emit({ type: 'upstream-mocked', id });
        };
        const step = (name) => {
            emit({ type: 'step-began', step: name });
        };
        try {
            const directory = this.directoryOf(instance.id);
            if (this.options.planDirectory === undefined)
                await (0,promises_namespaceObject.rm)(directory, { recursive: true, force: true });
            await (0,promises_namespaceObject.mkdir)(directory, { recursive: true });
            step('init');
            await this.init(instance);
            const { planDirectory } = this.options;
            if (planDirectory !== undefined) {
                await this.applySavedPlan(planDirectory, instance, emit, step, mock, mocked);
                return { status: 'succeeded' };
            }
            const plan = await this.plan(instance, emit, step, mock, mocked);
            if (command !== 'plan' && !this.options.planOnly && plan.meaning === 'changes') {
                if (mocked.length > 0) {
                    throw new StepFailure(`refusing to apply a plan made with mock outputs of ${mocked.join(', ')}`);
                }
                step('apply');
                await this.apply(instance, plan.planFile);
            }
            if (command !== 'destroy') {
                step('output');
                await this.recordOutputs(instance);
            }
            return { status: 'succeeded' };
        }
        catch (error) {
            return this.outcomeOf(error);
        }
    }
    /** Reads the upstreams, writes the var file and the inputs' digest, plans, and summarises the plan. */
    async plan(instance, emit, step, mock, mocked) {
        const directory = this.directoryOf(instance.id);
        step('read-upstream');
        const variables = await this.variablesFor(instance, mock);
        const varFile = external_node_path_namespaceObject.join(directory, 'variables.tfvars.json');
        await (0,promises_namespaceObject.writeFile)(varFile, `${JSON.stringify(variables, null, 2)}\n`, { mode: 0o600 });
        await (0,promises_namespaceObject.writeFile)(external_node_path_namespaceObject.join(directory, 'inputs.sha256'), digest(variables));
        // Kept with the saved plan, so that `apply --plan-dir` can say why such a plan is refused.
        const mockedFile = external_node_path_namespaceObject.join(directory, MOCKED_UPSTREAMS_FILE);
        if (mocked.length > 0) {
            await (0,promises_namespaceObject.writeFile)(mockedFile, `${JSON.stringify(mocked)}\n`);
        }
        else
            await (0,promises_namespaceObject.rm)(mockedFile, { force: true });
        const planFile = external_node_path_namespaceObject.join(directory, 'plan.tfplan');
        step('plan');
        const plan = await this.options.terraform.plan(this.call(instance, 'plan'), {
            planFile,
            varFile,
            lockTimeout: this.options.manifest.terraform.lockTimeout,
            destroy: this.options.command === 'destroy',
        });
        if (plan.meaning === 'error')
            throw this.failure('plan', plan, instance);
        emit({ type: 'plan-saved', planFile: external_node_path_namespaceObject.relative(this.options.workDirectory, planFile) });
        step('show');
        const changes = await this.summarisePlan(instance, planFile, emit);
        return { planFile, meaning: plan.meaning, changes };
    }
    outcomeOf(error) {
        const { redactor } = this.options;
        if (error instanceof WaitingOnUpstream)
            return { status: 'skipped', reason: error.message };
        if (!(error instanceof StepFailure)) {
            return { status: 'failed', error: redactor.redact(describeUnexpected(error)), timedOut: false };
        }
        const failure = { error: redactor.redact(error.message), timedOut: error.timedOut };
        return this.options.signal.aborted && !error.timedOut
            ? { status: 'cancelled', reason: 'the run was cancelled while it ran', ...failure }
            : { status: 'failed', ...failure };
    }
    /**
     * Instances of one layer share its directory, and a first `init` may write the dependency lock file there
     * and fill the shared plugin cache, neither of which is safe to do concurrently: so the first init of each
     * layer directory runs alone, and later inits of that directory (which only read them) run in parallel.
     */
    async init(instance, reading = false) {
        const first = this.firstInit.get(instance.path);
        if (first) {
            await first;
            return this.runInit(instance, reading);
        }
        const run = this.exclusive.then(() => this.runInit(instance, reading));
        const settled = run.then(() => undefined, () => undefined);
        this.exclusive = settled;
        this.firstInit.set(instance.path, settled);
        return run;
    }
    async runInit(instance, reading) {
        const result = await this.options.terraform.init(this.call(instance, 'init', reading), (reading && this.options.readBackendOf?.(instance.id)) || instance.backend);
        if (result.exitCode !== 0)
            throw this.failure('init', result, instance);
    }
    /**
     * Where one Terraform command for an instance runs, its output appended to that instance's log for the step.
     * Reading an upstream's outputs (`reading`) uses a directory of its own, so it never touches the data or
     * logs of that instance, which may run later in the same run.
     */
    call(instance, step, reading = false) {
        const directory = reading ? this.readDirectoryOf(instance.id) : this.directoryOf(instance.id);
        const logFile = external_node_path_namespaceObject.join(directory, `${step}.log`);
        if (!reading) {
            const list = this.sections.get(instance.id) ?? [];
            if (!list.some((section) => section.logFile === logFile))
                list.push({ title: `terraform ${step}`, logFile });
            this.sections.set(instance.id, list);
        }
        return {
            cwd: external_node_path_namespaceObject.resolve(this.options.manifestDirectory, instance.path),
            dataDirectory: external_node_path_namespaceObject.join(directory, 'terraform-data'),
            logFile,
            instanceId: instance.id,
            signal: this.options.signal,
            timeoutMs: this.options.commandTimeoutMs,
            graceMs: this.options.graceMs,
        };
    }
    failure(step, result, instance) {
        if (result.timedOut) {
            return new StepFailure(`terraform ${step} timed out after ${Math.round((this.options.commandTimeoutMs ?? 0) / 1000)}s and was stopped${result.killed ? ' (killed after the grace period)' : ''}\n${lastLines(result.tail)}`, true);
        }
        if (result.cancelled && result.durationMs === 0) {
            return new StepFailure(`terraform ${step} was not started: the run was cancelled`);
        }
        if (result.cancelled) {
            return new StepFailure(`terraform ${step} was interrupted\n${lastLines(result.tail)}`);
        }
        const how = result.exitCode === null
            ? `ended by ${result.endSignal ?? 'a signal'}`
            : `exit code ${result.exitCode}`;
        return new StepFailure(`terraform ${step} failed (${how})\n${lastLines(result.tail)}${this.diagnose(instance, result.tail)}`);
    }
    /** What Strata can tell about a known kind of failure: who holds a lock, a region that looks down. */
    diagnose(instance, tail) {
        const lock = parseLockError(tail);
        if (lock) {
            const now = this.options.now();
            return `\n\n${describeLock(lock, now, { instanceId: instance.id, layerPath: instance.path })}`;
        }
        const failure = classifyFailure(tail);
        return failure.kind === 'other' ? '' : `\n\n${failure.hint}`;
    }
    async summarisePlan(instance, planFile, emit) {
        // Streamed: a large plan's JSON runs to tens of megabytes, of which the summary needs the changes only.
        const skeleton = new PlanSkeletonReader();
        const shown = await this.options.terraform.show(this.call(instance, 'show'), planFile, (text) => {
            skeleton.write(text);
        });
        if (shown.exitCode !== 0)
            throw this.failure('show', shown, instance);
        const summary = parsePlanJson(skeleton.end());
        const { add, change, destroy, replace } = summary.counts;
        const resourceChanges = summary.resourceChanges.map((rc) => ({
            address: rc.address,
            action: rc.actions,
        }));
        emit({ type: 'planned', changes: { add, change, destroy, replace }, resourceChanges });
        return resourceChanges;
    }
    async apply(instance, planFile) {
        const applied = await this.options.terraform.apply(this.call(instance, 'apply'), {
            planFile,
            lockTimeout: this.options.manifest.terraform.lockTimeout,
        });
        if (applied.exitCode !== 0)
            throw this.failure('apply', applied, instance);
    }
    /**
     * Applies a plan saved by an earlier `plan` run. When it cannot be applied as saved (there is none, it was
     * made with mock outputs, or the upstream outputs it was planned with have changed since, so its inputs
     * would no longer match), it is refused, so that an unreviewed plan never replaces it; or, given a
     * `freshPlanCheck`, planned afresh and applied when the check accepts the fresh plan.
     */
    async applySavedPlan(planDirectory, instance, emit, step, mock, mocked) {
        const saved = external_node_path_namespaceObject.join(planDirectory, 'instances', work_directory_instanceDirectoryName(instance.id));
        const planFile = external_node_path_namespaceObject.join(saved, 'plan.tfplan');
        const why = await this.whyNotAsSaved(instance, saved, step, mock);
        if (why === undefined) {
            emit({ type: 'plan-saved', planFile });
            step('show');
            await this.summarisePlan(instance, planFile, emit);
            step('apply');
            await this.apply(instance, planFile);
        }
        else {
            const check = this.options.freshPlanCheck;
            if (check === undefined)
                throw new StepFailure(why.refusal);
            const plan = await this.plan(instance, emit, step, mock, mocked);
            const verdict = check(instance, plan.changes, why.reason);
            await this.keepNote(instance, verdict.accepted ? verdict.note : verdict.reason);
            if (!verdict.accepted)
                throw new StepFailure(verdict.reason);
            if (plan.meaning === 'changes') {
                step('apply');
                await this.apply(instance, plan.planFile);
            }
        }
        step('output');
        await this.recordOutputs(instance);
    }
    /** Why the saved plan of an instance cannot be applied as it is; undefined when it can. */
    async whyNotAsSaved(instance, saved, step, mock) {
        const replan = this.options.replanCommand ?? 'strata plan';
        let plannedInputs;
        try {
            plannedInputs = await (0,promises_namespaceObject.readFile)(external_node_path_namespaceObject.join(saved, 'inputs.sha256'), 'utf8');
        }
        catch {
            const reason = `no saved plan for ${instance.id} in ${external_node_path_namespaceObject.dirname(external_node_path_namespaceObject.dirname(saved))}`;
            return { reason, refusal: `${reason}; run '${replan}' first` };
        }
        const mocked = await (0,promises_namespaceObject.readFile)(external_node_path_namespaceObject.join(saved, MOCKED_UPSTREAMS_FILE), 'utf8').then((text) => JSON.parse(text), () => []);
        if (mocked.length > 0) {
            const reason = `the saved plan for ${instance.id} was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet`;
            return {
                reason,
                refusal: `refusing to apply the saved plan for ${instance.id}: it was made with mock outputs of ${mocked.join(', ')}, which had not been applied yet; plan it again now that they are, review that plan, and apply it`,
            };
        }
        step('read-upstream');
        const variables = await this.variablesFor(instance, mock);
        if (digest(variables) !== plannedInputs) {
            const reason = `the saved plan for ${instance.id} is stale: the outputs of its upstream instances changed since it was planned`;
            return { reason, refusal: `${reason}; run '${replan}' again and review it` };
        }
        return undefined;
    }
    /** A note in the instance's output, as a section of its own. */
    async keepNote(instance, note) {
        const directory = this.directoryOf(instance.id);
        const logFile = external_node_path_namespaceObject.join(directory, 'preview-check.log');
        await (0,promises_namespaceObject.writeFile)(logFile, `${note}\n`);
        const list = this.sections.get(instance.id) ?? [];
        if (!list.some((section) => section.logFile === logFile))
            list.push({ title: 'check against the preview', logFile });
        this.sections.set(instance.id, list);
    }
    /** Context, layer vars and upstream outputs, filtered to what the layer's code declares. */
    async variablesFor(instance, mock) {
        const code = this.options.layerCode.read(instance.path);
        const upstream = new Map();
        const inputs = this.options.graph.inputsOf(instance.id);
        for (const input of inputs) {
            for (const source of input.sources) {
                const upstreamInstance = lookup_getOrThrow(this.options.graph.byId, source.id, 'instance');
                const outputs = await this.outputsOf(upstreamInstance);
                if (!outputs.isEmpty) {
                    upstream.set(source.id, outputs.values);
                    continue;
                }
                const layer = this.options.manifest.layers.find((candidate) => candidate.name === upstreamInstance.layer);
                if (!layer)
                    throw new Error(`Internal error: no layer '${upstreamInstance.layer}'`);
                const mocks = layer.mockOutputs;
                if (this.options.command === 'plan' && Object.keys(mocks).length > 0) {
                    upstream.set(source.id, mocks);
                    mock(source.id);
                }
                else if (this.options.command !== 'destroy') {
                    throw new WaitingOnUpstream(upstreamWaitReason(source.id, 'apply it first' +
                        (this.options.command === 'plan'
                            ? `, or declare mock_outputs on layer '${layer.name}' to plan before then`
                            : '')));
                }
            }
        }
        const variables = buildVariables({
            instance,
            globalRegion: this.options.manifest.backend.globalRegion,
            roleOf: (region) => this.roles.get(region),
            upstream: upstreamVariables(inputs, (id) => upstream.get(id) ?? {}),
            declared: code.variables,
            context: this.options.contextOf?.(instance),
        });
        const secrets = [...code.sensitiveVariables].flatMap((name) => leafStrings(variables[name]));
        if (secrets.length > 0)
            this.addSecrets(secrets);
        return variables;
    }
    addSecrets(values) {
        this.options.redactor.add(values);
        this.options.secrets(values);
    }
    /** Outputs produced in this run, or else read from the instance's state (init + output, no lock). */
    outputsOf(instance) {
        const known = this.outputs.get(instance.id);
        if (known)
            return known;
        const read = (async () => {
            await (0,promises_namespaceObject.mkdir)(this.readDirectoryOf(instance.id), { recursive: true });
            await this.init(instance, true);
            return this.readOutputs(instance, true);
        })();
        this.outputs.set(instance.id, read);
        return read;
    }
    /** After a plan the state is unchanged: the outputs read then are what dependents see until the next apply. */
    async recordOutputs(instance) {
        const outputs = this.readOutputs(instance);
        this.outputs.set(instance.id, outputs);
        await outputs;
    }
    async readOutputs(instance, reading = false) {
        const result = await this.options.terraform.output(this.call(instance, 'output', reading));
        if (result.exitCode !== 0)
            throw this.failure('output', result, instance);
        const outputs = parseOutputsJson(result.stdout);
        const secrets = sensitiveValues(outputs);
        if (secrets.length > 0)
            this.addSecrets(secrets);
        const values = outputValues(outputs);
        this.options.onOutputs?.(instance.id, values);
        const declared = this.options.layerCode.read(instance.path).outputs;
        return { values, isEmpty: Object.keys(values).length === 0 && declared.size > 0 };
    }
}
function digest(value) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(JSON.stringify(value)).digest('hex');
}
function leafStrings(value) {
    if (typeof value === 'string')
        return [value];
    if (typeof value === 'number' || typeof value === 'boolean')
        return [String(value)];
    if (value !== null && typeof value === 'object')
        return Object.values(value).flatMap(leafStrings);
    return [];
}
/** The end of Terraform's output, where its error is. */
function lastLines(tail, count = 30) {
    return tail.trimEnd().split('\n').slice(-count).join('\n');
}
function describeUnexpected(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./build/tsc/engine/instance-result-reducer.js

function pendingResult(instance) {
    return { ...run_result_identityOf(instance), status: 'pending' };
}
/**
 * The next result of an instance after an event; never changes the one given, which reporters may hold.
 * What the pipeline learns (steps, mocks, the plan) is kept only while the instance runs, the one status
 * that has those fields; the engine sends them at no other time.
 */
function reduceInstanceResult(result, event) {
    switch (event.type) {
        case 'started':
            return {
                ...run_result_identityOf(result),
                status: 'running',
                startedAt: event.at,
                step: null,
                changes: null,
                resourceChanges: [],
                mockedUpstreams: [],
                planFile: null,
            };
        case 'not-run':
            return { ...run_result_identityOf(result), status: event.status, reason: event.reason };
        case 'step-began':
        case 'upstream-mocked':
        case 'plan-saved':
        case 'planned':
            return result.status === 'running' ? reduceProgress(result, event) : result;
        case 'finished':
            return result.status === 'running' ? finish(result, event) : result;
    }
}
function reduceProgress(result, event) {
    switch (event.type) {
        case 'step-began':
            return { ...result, step: event.step };
        case 'upstream-mocked':
            return result.mockedUpstreams.includes(event.id)
                ? result
                : { ...result, mockedUpstreams: [...result.mockedUpstreams, event.id] };
        case 'plan-saved':
            return { ...result, planFile: event.planFile };
        case 'planned':
            return { ...result, changes: event.changes, resourceChanges: event.resourceChanges };
    }
}
function finish(result, event) {
    const identity = run_result_identityOf(result);
    const { startedAt, step, changes, resourceChanges, mockedUpstreams, planFile } = result;
    const ran = { changes, resourceChanges, mockedUpstreams, planFile, startedAt };
    const timing = { finishedAt: event.at, durationMs: event.durationMs };
    const attempt = { ...ran, ...timing, step };
    const { outcome } = event;
    switch (outcome.status) {
        case 'succeeded':
            return { ...identity, ...ran, ...timing, status: 'succeeded' };
        case 'failed':
            return { ...identity, ...attempt, status: 'failed', error: outcome.error, timedOut: outcome.timedOut };
        case 'skipped':
            return { ...identity, status: 'skipped', reason: outcome.reason, attempt };
        case 'cancelled':
            return {
                ...identity,
                status: 'cancelled',
                reason: outcome.reason,
                attempt: { ...attempt, error: outcome.error, timedOut: outcome.timedOut },
            };
    }
}

;// CONCATENATED MODULE: ./build/tsc/engine/run-engine.js






/**
 * Reporters show progress: a step beginning and an outcome. What the pipeline learns along the way (mocked
 * upstreams, the plan file, the changes) reaches them with the next of those.
 */
const REPORTED = new Set(['step-began', 'finished', 'not-run']);
/**
 * Runs Terraform over the selected instances in dependency order, at most `parallelism` at once, passing each
 * instance the outputs of what it depends on. Never throws because an instance failed: the outcome of each is
 * in the returned result, and the caller decides the exit code.
 *
 * This is the scheduler: it drives the ready queue and records what happens as events, each folded into a
 * new result; what an instance does is the pipeline's.
 */
async function runEngine(options) {
    const now = options.now ?? (() => new Date());
    const startedAt = now();
    const results = new Map(options.dag.ids.map((id) => [id, pendingResult(lookup_getOrThrow(options.graph.byId, id, 'instance'))]));
    const header = {
        version: 1,
        command: options.command,
        manifest: options.manifest.file,
        startedAt: startedAt.toISOString(),
        terraform: { binary: options.terraform.executable, version: options.terraform.version },
        parallelism: options.parallelism,
    };
    const snapshot = () => {
        const instances = [...results.values()];
        return {
            ...header,
            // Until the end: every result file written meanwhile (and left by a killed run) says it has not finished.
            status: 'running',
            finishedAt: null,
            durationMs: null,
            hasChanges: instances.some((instance) => hasChanges(changesOf(instance))),
            instances,
        };
    };
    const record = (id, event) => {
        const result = reduceInstanceResult(lookup_getOrThrow(results, id, 'result'), event);
        results.set(id, result);
        if (REPORTED.has(event.type))
            options.reporter.instanceChanged(result, snapshot());
        return result;
    };
    const pipeline = new InstancePipeline({
        ...options,
        now,
        secrets: (values) => {
            options.reporter.secrets(values);
        },
    });
    const cost = (id) => options.durationHints?.get(id) ?? 1;
    const queue = new ReadyQueue(options.dag, remainingPathLengths(options.dag, cost));
    const running = new Map();
    let stopReason;
    let outputs = Promise.resolve();
    const runInstance = async (id) => {
        const begin = performance.now();
        record(id, { type: 'started', at: now().toISOString() });
        const outcome = await pipeline.run(lookup_getOrThrow(options.graph.byId, id, 'instance'), (event) => record(id, event));
        return record(id, {
            type: 'finished',
            outcome,
            at: now().toISOString(),
            durationMs: Math.round(performance.now() - begin),
        });
    };
    const start = (id) => {
        const work = runInstance(id).then((result) => {
            running.delete(id);
            for (const dropped of queue.finish(id, result.status === 'succeeded')) {
                // Below a cancelled instance the run was cancelled too; below a failure or a wait, work was skipped.
                record(dropped, result.status === 'cancelled'
                    ? { type: 'not-run', status: 'cancelled', reason: 'the run was cancelled' }
                    : { type: 'not-run', status: 'skipped', reason: `upstream ${id} ${result.status}` });
            }
            if (result.status === 'failed' && options.failFast)
                stopReason ??= `stopped by --fail-fast after ${id} failed`;
            // One instance's output at a time, so blocks (and GitHub's log groups) never interleave; printed in the
            // background, so the instances that were waiting for this one start without waiting for its output.
            outputs = outputs.then(() => options.reporter.instanceOutput(result, pipeline.sectionsOf(id)));
        });
        running.set(id, work);
    };
    const onAbort = () => (stopReason ??= 'the run was cancelled');
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted)
        onAbort();
    try {
        while (!queue.isDone) {
            if (stopReason === undefined) {
                for (const id of queue.take(options.parallelism - queue.runningCount))
                    start(id);
            }
            if (running.size === 0)
                break;
            await Promise.race(running.values());
        }
        await Promise.all(running.values());
        await outputs;
    }
    finally {
        options.signal.removeEventListener('abort', onAbort);
    }
    for (const id of queue.drain()) {
        record(id, { type: 'not-run', status: 'cancelled', reason: stopReason ?? 'not started' });
    }
    const finishedAt = now();
    const run = snapshot();
    return {
        ...run,
        status: runStatus(run.instances.map((instance) => instance.status)),
        finishedAt: finishedAt.toISOString(),
        durationMs: finishedAt.getTime() - startedAt.getTime(),
    };
}
/** A run failed when any instance failed or was skipped, else was cancelled when any was. */
function runStatus(statuses) {
    if (statuses.some((status) => status === 'failed' || status === 'skipped'))
        return 'failed';
    if (statuses.includes('cancelled'))
        return 'cancelled';
    return 'succeeded';
}

;// CONCATENATED MODULE: ./build/tsc/core/resume.js


const SHOWN = 5;
/**
 * Resumes a run from its result: runs again only the instances that did not succeed (failed, skipped,
 * cancelled, pending, or `running`, which a killed run leaves behind) and, transitively, every instance of
 * `current` that depends on one of them, since their inputs may change; keeps the other successes.
 *
 * An instance of `current` that the previous result does not name never succeeded there, so it runs too.
 * Refused with a UsageError: a previous result of another command, or one naming instances that are not in
 * `current` (the manifest or the selection changed since, and its results no longer describe this run).
 */
function planResume(previous, current, command) {
    if (previous.command !== command) {
        throw new UsageError(`Cannot resume a '${previous.command}' run with '${command}': resume it with '${previous.command}', or start a new '${command}' run without resuming`);
    }
    const selected = new Set(current.ids);
    const unknown = [...new Set(previous.instances.map((instance) => instance.id))].filter((id) => !selected.has(id));
    if (unknown.length > 0) {
        const more = unknown.length > SHOWN ? ` and ${unknown.length - SHOWN} more` : '';
        throw new UsageError(`Cannot resume: the previous run has ${unknown.length} instance${unknown.length === 1 ? '' : 's'} that ${unknown.length === 1 ? 'is' : 'are'} not in this run's selection (${unknown.slice(0, SHOWN).join(', ')}${more}); the manifest or the selection changed since. Select the same instances as that run, or start a new run without resuming`);
    }
    // A result that names an instance twice (merged matrix results) counts its last report, as merging does.
    const previousById = new Map(previous.instances.map((instance) => [instance.id, instance]));
    const rerun = new Set(current.ids.filter((id) => previousById.get(id)?.status !== 'succeeded'));
    const dependents = dependentsOf(current);
    const queue = [...rerun];
    // The queue grows while it is walked: for...of visits what is pushed on the way.
    for (const id of queue) {
        for (const dependent of dependents.get(id) ?? []) {
            if (rerun.has(dependent))
                continue;
            rerun.add(dependent);
            queue.push(dependent);
        }
    }
    const kept = [...previousById.values()].filter((instance) => !rerun.has(instance.id));
    return { rerun, kept };
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/failover-guard.js






/**
 * The regions whose record could govern a run of `selected`, in manifest order: the primary, always (a hold
 * in it still counts when it can be read), then every other region a move to which changes a selected instance.
 */
function regionsToRead({ manifest, locations }, graph, selected) {
    const primary = primaryRegionOf(manifest);
    const roleNow = steadyStateRoles(manifest);
    const regions = [primary];
    for (const region of manifest.regions) {
        if (region.name === primary)
            continue;
        const moved = withPrimary(manifest, region.name);
        const after = expandManifest({ manifest: moved, locations });
        const roleAfter = steadyStateRoles(moved);
        const changes = selected.some((id) => {
            const before = graph.byId.get(id);
            const instance = after.byId.get(id);
            if (!before || !instance)
                return true;
            if (roleNow(before) !== roleAfter(instance))
                return true;
            const upstreams = new Set(before.dependsOn);
            return (upstreams.size !== instance.dependsOn.length ||
                instance.dependsOn.some((dependency) => !upstreams.has(dependency)));
        });
        if (changes)
            regions.push(region.name);
    }
    return regions;
}
/** The regions named by the override, checked against the manifest. */
function checkIgnoredRegions(manifest, ignored) {
    const names = manifest.regions.map((region) => region.name);
    for (const region of ignored) {
        if (names.includes(region))
            continue;
        const hint = closestName(region, names);
        throw new UsageError((name) => `${name('ignore-failover-record')}: unknown region '${region}'${hint ? ` (did you mean '${hint}'?)` : ''}; the manifest has ${names.join(', ')}`);
    }
}
const moveOf = (record) => record.mode ?? 'failover';
/**
 * Judges the readings: throws when a move is pending or in effect, or when a record that could govern the run
 * cannot be read and the override does not name its region. Returns what the report records: the records the
 * override passed over. A record found is never overridden: the override is for "cannot tell" only.
 */
function judgeFailoverGuard(manifest, readings, ignored) {
    const primary = primaryRegionOf(manifest);
    const unreadable = [];
    for (const [region, reading] of readings) {
        if (reading.kind === 'none')
            continue;
        if (reading.kind === 'unreadable') {
            if (region !== primary)
                unreadable.push({ region, reason: reading.reason });
            continue;
        }
        const { record } = reading;
        if (record.status === 'pending') {
            throw new UsageError((name) => `A ${moveOf(record)} from ${record.from} to ${record.to} is pending (held since ${record.at}): deploys wait until it is applied or released. If it was abandoned, release the hold with 'strata ${moveOf(record)} --to ${record.to} ${name('release-deploys')}'.`);
        }
        if (record.to !== primary) {
            throw new UsageError(`A failover from ${record.from} to ${record.to} is in effect (recorded ${record.at}), but ${manifest.file} still names ${primary} as primary. Merge the pull request that makes ${record.to} primary (strata failover --write-manifest), or fail back with 'strata failback --to ${record.from}' once ${record.from} is healthy; until then this apply would undo the failover.`);
        }
    }
    const refused = unreadable.filter(({ region }) => !ignored.includes(region));
    if (refused.length > 0) {
        const regions = refused.map(({ region }) => region);
        throw new RefusalError((name) => `Cannot tell whether a failover is in effect: the failover record in ${regions.join(' and ')} cannot be read, and a failover to ${regions.length === 1 ? 'that region' : 'those regions'} would change what this run changes. ` +
            `Check first that ${regions.join(' and ')} holds no failover (the failover workflow's runs, the operators on call), and that this run can reach its state store and read strata/failover-record there. ` +
            `If you know it holds none, run again with ${name('ignore-failover-record')} ${regions.join(',')}; the report records it.\n` +
            refused.map(({ region, reason }) => `  ${region}: ${reason}`).join('\n'));
    }
    if (unreadable.length === 0)
        return undefined;
    return { ignoredRecords: unreadable };
}

;// CONCATENATED MODULE: ./build/tsc/app/failover-guard.js


/**
 * Why a read failed, short: from Terraform's first `Error:` line on, its start and its end kept when long (the
 * cause, such as "connection refused", is at the end of the S3 client's line).
 */
function reasonOf(error) {
    const text = error instanceof Error ? error.message : String(error);
    const lines = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    const first = lines.findIndex((line) => line.startsWith('Error:'));
    const reason = (first < 0 ? lines : lines.slice(first)).join(' ');
    return reason.length <= 400 ? reason : `${reason.slice(0, 150)} … ${reason.slice(-240)}`;
}
/**
 * Reads the failover records that could govern a run of `dag` (core/dr/failover-guard.ts says which) and
 * refuses the run when a failover is pending or in effect, or when one of them cannot be read and `ignored`
 * does not name its region. Returns the override's record for the report, when it was used.
 */
async function guardAgainstFailover(loaded, dag, terraform, workDirectory, ignored) {
    checkIgnoredRegions(loaded.manifest, ignored);
    const context = {
        terraform,
        manifest: loaded.manifest,
        manifestDirectory: loaded.directory,
        logDirectory: workDirectory,
    };
    const regions = regionsToRead(loaded, loaded.graph, dag.ids);
    const readings = new Map(await Promise.all(regions.map(async (region) => {
        try {
            const record = await readFailoverRecord(context, region);
            return [region, record ? { kind: 'record', record } : { kind: 'none' }];
        }
        catch (error) {
            return [region, { kind: 'unreadable', reason: reasonOf(error) }];
        }
    })));
    return judgeFailoverGuard(loaded.manifest, readings, ignored);
}

;// CONCATENATED MODULE: ./build/tsc/app/changed-files.js

/**
 * Changed files (relative to `cwd`, as `git diff --name-only` or the pull request API lists them from the
 * repository root) made relative to the manifest's directory, with each layer's watched directories: its own
 * code and the local modules it uses.
 */
function changedFilesFilter(files, context) {
    const absolute = files.map((file) => external_node_path_namespaceObject.resolve(context.cwd, file));
    const toManifestRelative = (file) => external_node_path_namespaceObject.relative(context.directory, file).split(external_node_path_namespaceObject.sep).join('/');
    const watchedPaths = new Map();
    for (const instance of context.graph.instances) {
        if (!watchedPaths.has(instance.layer)) {
            watchedPaths.set(instance.layer, context.layerCode.read(instance.path).watchedPaths);
        }
    }
    return {
        files: absolute.map(toManifestRelative),
        watchedPaths,
        manifestChanged: absolute.includes(external_node_path_namespaceObject.resolve(context.cwd, context.manifestFile)),
    };
}

;// CONCATENATED MODULE: ./build/tsc/app/select.js





/** The instances a command works on, from filters and changed files, as the CLI and the action give them. */
function selectFromSettings(loaded, settings, context) {
    // Normal runs work on what exists in steady state; the DR strategy keeps the rest out until a failover.
    const filter = {
        ...settings.filter,
        within: steadyStateIds(loaded.graph, loaded.manifest),
    };
    if (settings.changedFiles) {
        filter.changes = changedFilesFilter(settings.changedFiles, {
            graph: loaded.graph,
            directory: loaded.directory,
            manifestFile: external_node_path_namespaceObject.resolve(context.cwd, context.manifestFile),
            layerCode: context.layerCode ?? createLayerCodeReader(loaded.directory),
            cwd: context.cwd,
        });
    }
    return selectInstances(loaded.graph, filter);
}
/** With a per-pull-request environment, a command selects only that environment (the other filters still apply). */
function selectionForEnvironment(selection, ephemeralEnvironment) {
    return ephemeralEnvironment
        ? { ...selection, filter: { ...selection.filter, environments: [ephemeralEnvironment] } }
        : selection;
}

;// CONCATENATED MODULE: ./build/tsc/app/execute-run.js
















/** How much of one instance's plan text reports read: summaries and comments are cut far below this anyway. */
const PLAN_TEXT_LIMIT = (/* unused pure expression or super */ null && (512 * 1024));
/**
 * The one path from settings to a finished run, shared by the CLI and the action: load and check the
 * manifest, select instances, check the Terraform binary, run the engine.
 */
async function executeRun(settings, adapters) {
    if (settings.planDirectory !== undefined && settings.command !== 'apply') {
        throw new UsageError((name) => `${name('plan-dir')} only goes with apply: it applies the plans an earlier plan run saved`);
    }
    const loaded = loadManifest(settings.manifestFile, settings.cwd, {
        ephemeralEnvironment: settings.ephemeralEnvironment,
    });
    const layerCode = createLayerCodeReader(loaded.directory);
    const selection = selectionForEnvironment(settings.selection, settings.ephemeralEnvironment);
    const selected = selectFromSettings(loaded, selection, {
        manifestFile: settings.manifestFile,
        cwd: settings.cwd,
        layerCode,
    });
    let kept = [];
    let toRun = selected;
    if (settings.resume) {
        // Destroy runs the reverse order: what a failed destroy holds back is what it depends on.
        const order = settings.command === 'destroy' ? reverseDag(selected) : selected;
        const resume = planResume(settings.resume, order, settings.command);
        kept = resume.kept;
        toRun = selectInstances(loaded.graph, { instances: [...resume.rerun], within: new Set(resume.rerun) });
        if (resume.rerun.size === 0)
            toRun = { ids: [], dependsOn: new Map() };
    }
    const dag = settings.command === 'destroy' ? reverseDag(toRun) : toRun;
    const { terraform, env, workDirectory, base } = await setUpEngine(settings, loaded, adapters, layerCode);
    // A failover pending or in effect holds every apply and destroy; see core/dr/failover-guard.ts.
    const guard = settings.command === 'plan'
        ? undefined
        : await guardAgainstFailover(loaded, toRun, terraform, workDirectory, settings.ignoreFailoverRecord ?? []);
    await adapters.hooks?.beforeEngine?.({
        terraformVersion: terraform.version,
        pluginCacheDirectory: definedOrThrow(env.TF_PLUGIN_CACHE_DIR, 'TF_PLUGIN_CACHE_DIR'),
        loaded,
    });
    const run = await runEngine({
        ...base,
        command: settings.command,
        manifest: loaded.manifest,
        graph: loaded.graph,
        dag,
        contextOf: steadyStateContext(loaded.manifest),
    });
    await adapters.hooks?.afterEngine?.();
    if (guard)
        run.failoverGuard = guard;
    if (kept.length > 0) {
        run.instances = [...kept, ...run.instances];
        run.hasChanges ||= kept.some((instance) => hasChanges(changesOf(instance)));
    }
    return { run, loaded, dag, redactor: base.redactor, workDirectory };
}
/** Each instance's plan text as Terraform printed it (the plan step's log), masked and cut at a sane size. */
async function readPlanTexts(executed) {
    const texts = new Map();
    for (const instance of executed.run.instances) {
        const logFile = path.join(executed.workDirectory, 'instances', instanceDirectoryName(instance.id), 'plan.log');
        let handle;
        try {
            handle = await open(logFile);
        }
        catch {
            continue;
        }
        try {
            const buffer = Buffer.alloc(PLAN_TEXT_LIMIT);
            const { bytesRead } = await handle.read(buffer, 0, PLAN_TEXT_LIMIT, 0);
            const { size } = await handle.stat();
            let text = buffer.subarray(0, bytesRead).toString('utf8');
            if (size > bytesRead)
                text = `${text.slice(0, text.lastIndexOf('\n') + 1)}… (${size - bytesRead} more bytes in the log)\n`;
            texts.set(instance.id, executed.redactor.redact(text));
        }
        finally {
            await handle.close();
        }
    }
    return texts;
}
/** In steady state an instance's role comes from its region, and a pilot-light or warm-standby copy is `standby`. */
function steadyStateContext(manifest) {
    const roleOf = steadyStateRoles(manifest);
    return (instance) => {
        const role = roleOf(instance);
        return role === null ? {} : { role };
    };
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/replica-freshness.js
/** Compares one replicated state with the primary's, both read during a drill (the primary is up then). */
function compareReplica(id, regions, primary, replica) {
    const check = (status, detail) => ({
        id,
        primaryRegion: regions.primary,
        replicaRegion: regions.replica,
        status,
        detail,
    });
    if ('error' in primary)
        return check('unreadable', `cannot read the state in ${regions.primary}: ${primary.error}`);
    if ('error' in replica)
        return check('unreadable', `cannot read the replica in ${regions.replica}: ${replica.error}`);
    const [source, copy] = [primary.identity, replica.identity];
    if (source === null && copy === null)
        return check('fresh', 'no state on either side yet');
    if (source === null) {
        return check('diverged', `the replica in ${regions.replica} has state (serial ${copy?.serial ?? '?'}) but ${regions.primary} has none`);
    }
    if (copy === null) {
        return check('missing', `${regions.primary} has state (serial ${source.serial}) but the replica in ${regions.replica} has none: replication has not copied it`);
    }
    if (copy.lineage !== source.lineage) {
        return check('diverged', `the replica's lineage ${copy.lineage} is not the primary's ${source.lineage}: it is another state`);
    }
    if (copy.serial < source.serial) {
        return check('stale', `the replica is at serial ${copy.serial}, the primary at ${source.serial}: replication is behind or broken`);
    }
    if (copy.serial > source.serial) {
        return check('diverged', `the replica is at serial ${copy.serial}, ahead of the primary's ${source.serial}: something wrote to the replica`);
    }
    return check('fresh', `serial ${source.serial} on both sides`);
}

;// CONCATENATED MODULE: ./build/tsc/terraform/state-identity.js

const state_identity_SOURCE = 'terraform state pull';
/** The identity of the state `state pull` printed; null when there is no state yet (it prints nothing). */
function parseStateIdentity(text) {
    if (text.trim() === '')
        return null;
    let state;
    try {
        state = JSON.parse(text);
    }
    catch {
        throw new TerraformOutputError(state_identity_SOURCE, 'a state in JSON', `'${text.trim().slice(0, 40)}'`);
    }
    const { lineage, serial } = (state ?? {});
    if (typeof lineage !== 'string' || typeof serial !== 'number') {
        throw new TerraformOutputError(state_identity_SOURCE, 'a state with a lineage and a serial', 'neither');
    }
    return { lineage, serial };
}

;// CONCATENATED MODULE: ./build/tsc/app/replica-states.js







/**
 * In a drill the primary is up: reads each replicated state on both sides (init and `state pull`, which take
 * no lock and change nothing) and compares their lineage and serial. One state at a time, each in a data
 * directory of its own, so no read shares the data or logs of the run's instances.
 */
async function checkReplicas(context, replicaBackends, regions) {
    const checks = [];
    // A primary that cannot be read once is not tried again: a hung region would cost a timeout per state.
    let primaryDown;
    for (const [id, replicaBackend] of replicaBackends) {
        const instance = lookup_getOrThrow(context.graph.byId, id, 'a replicated instance');
        const read = (side, backend) => readState(context, id, external_node_path_namespaceObject.resolve(context.manifestDirectory, instance.path), side, backend);
        const primary = primaryDown
            ? { error: `not tried: ${primaryDown}` }
            : await read('primary', instance.backend);
        if ('error' in primary && primaryDown === undefined)
            primaryDown = `reading ${id} there failed: ${primary.error}`;
        const replica = await read('replica', replicaBackend);
        checks.push(compareReplica(id, regions, primary, replica));
    }
    return checks;
}
async function readState(context, id, cwd, side, backend) {
    const directory = external_node_path_namespaceObject.join(context.workDirectory, 'replica-checks', work_directory_instanceDirectoryName(id), side);
    await (0,promises_namespaceObject.mkdir)(directory, { recursive: true });
    const call = (command) => ({
        cwd,
        dataDirectory: external_node_path_namespaceObject.join(directory, 'terraform-data'),
        logFile: external_node_path_namespaceObject.join(directory, `${command}.log`),
        instanceId: id,
        signal: context.signal,
        timeoutMs: context.timeoutMs,
    });
    const init = await context.terraform.init(call('init'), backend);
    if (init.exitCode !== 0)
        return { error: failed('init', init.tail) };
    const pulled = await context.terraform.statePull(call('state-pull'));
    if (pulled.exitCode !== 0)
        return { error: failed('state pull', pulled.tail) };
    try {
        return { identity: parseStateIdentity(pulled.stdout) };
    }
    catch (error) {
        return { error: error.message };
    }
}
function failed(command, tail) {
    return summariseFailure(`terraform ${command} failed\n${tail}`, 'failed');
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/compare-to-preview.js
/**
 * Actions that lose something: a destroy, a replacement (destroy and create, either order), an object
 * dropped from state (`forget`), or an action this code does not know. Each must have been in the preview.
 */
const LOSES_SOMETHING = new Set(['delete', 'replace', 'forget', 'other']);
/**
 * Checks a fresh plan against what the preview showed for the instance. The plan passes unless it destroys,
 * replaces or forgets something the preview did not show with that very action: values may differ (they were
 * mocked, unknown, or taken from an upstream the failover changed), a create may appear that the preview did
 * not have (a count or for_each over a value that was mocked), an in-place change may appear, since none of
 * these loses anything. Everything that passes but differs is returned, for the report.
 */
function compareToPreview(entry, fresh) {
    const previewed = new Map(entry.changes.map((change) => [change.address, change.action]));
    const unexpected = [];
    const differences = [];
    for (const change of fresh) {
        const shown = previewed.get(change.address) ?? null;
        if (shown === change.action)
            continue;
        const difference = { address: change.address, previewed: shown, planned: change.action };
        (LOSES_SOMETHING.has(change.action) ? unexpected : differences).push(difference);
    }
    return unexpected.length > 0 ? { ok: false, unexpected } : { ok: true, differences };
}
/**
 * One line per change: `aws_db.main: replace (the preview showed update)`. `unshown` is what to say of an
 * address the preview did not have: `the preview showed no change`, or for an instance the preview could not
 * plan yet, `not previewed`.
 */
function describeDifferences(changes, unshown = 'the preview showed no change') {
    return changes
        .map((change) => `  ${change.address}: ${change.planned} (${change.previewed === null ? unshown : `the preview showed ${change.previewed}`})`)
        .join('\n');
}

;// CONCATENATED MODULE: ./build/tsc/core/dr/failover-preview.js



/** The file a failover (or failback) dry run writes beside its saved plans, and its apply reads back. */
const FAILOVER_PREVIEW_FILE = 'failover-preview.json';
/**
 * The preview of a dry run: every instance of the failover, planned or deferred; `complete` says whether it can
 * be applied, i.e. every instance either planned or waits only on upstreams of the failover that planned.
 * `problems` lists the instances that stop it (a failed plan, an unreachable backend).
 */
function buildFailoverPreview(run, move) {
    const inRun = new Set(run.instances.map((instance) => instance.id));
    const byId = new Map(run.instances.map((instance) => [instance.id, instance]));
    const problems = [];
    const instances = run.instances.map((instance) => {
        const base = { id: instance.id, mockedUpstreams: [...(progressOf(instance)?.mockedUpstreams ?? [])] };
        if (instance.status === 'succeeded') {
            return {
                ...base,
                state: 'planned',
                changes: instance.resourceChanges.map(({ address, action }) => ({ address, action })),
                waitsOn: [],
            };
        }
        return { ...base, state: 'deferred', changes: [], waitsOn: waitsOnOf(instance.id) };
    });
    // A deferred instance is fine when what it waits on is in the failover and planned (or deferred in turn).
    function waitsOnOf(id) {
        const instance = lookup_getOrThrow(byId, id, 'an instance of the run');
        const waited = instance.status === 'skipped' ? waitedOnUpstream(instance.reason) : undefined;
        if (waited === undefined || !inRun.has(waited))
            return [];
        return [waited];
    }
    const deferredOk = (entry, seen = new Set()) => {
        if (entry.state === 'planned')
            return true;
        if (entry.waitsOn.length === 0 || seen.has(entry.id))
            return false;
        seen.add(entry.id);
        return entry.waitsOn.every((id) => {
            const upstream = instances.find((candidate) => candidate.id === id);
            return upstream !== undefined && deferredOk(upstream, seen);
        });
    };
    for (const entry of instances) {
        if (deferredOk(entry))
            continue;
        const instance = lookup_getOrThrow(byId, entry.id, 'an instance of the run');
        // Skipped below a failure: the failure is the problem to report, not this.
        if (instance.status === 'skipped' && waitedOnUpstream(instance.reason) === undefined)
            continue;
        const why = instance.status === 'skipped' || instance.status === 'cancelled' ? instance.reason : '';
        problems.push(`${entry.id}: ${instance.status}${why ? ` (${why})` : ''}`);
    }
    const complete = instances.every((entry) => deferredOk(entry));
    return {
        preview: { version: 1, mode: move.mode, from: move.from, to: move.to, instances },
        complete,
        problems,
    };
}
/** Reads a preview file's JSON; a message when it is not one. */
function parseFailoverPreview(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return `not JSON: ${error.message}`;
    }
    const preview = value;
    if (preview === null ||
        typeof preview !== 'object' ||
        preview.version !== 1 ||
        !Array.isArray(preview.instances) ||
        typeof preview.from !== 'string' ||
        typeof preview.to !== 'string') {
        return 'not a Strata failover preview (version 1)';
    }
    return preview;
}

;// CONCATENATED MODULE: ./build/tsc/app/reviewed-failover.js





/** `strata failover --to R --from F --dry-run`: the command that previews this move again. */
function previewCommand(move) {
    return `strata ${move.mode} --to ${move.to} --from ${move.from} --dry-run`;
}
/**
 * After a dry run: writes what it previewed (every instance, its resource changes, its mocked upstreams) to the
 * work directory, beside the saved plans, and returns the run as the preview sees it. An instance that could
 * not be planned only because an upstream the move itself creates has no state yet is deferred, not failed:
 * the move plans it once that upstream is applied. So a dry run whose only gaps are such deferrals succeeds,
 * each deferral said in the notes and the instance's reason.
 */
async function recordPreview(run, move, workDirectory) {
    const { preview, complete } = buildFailoverPreview(run, move);
    await (0,promises_namespaceObject.mkdir)(workDirectory, { recursive: true });
    await (0,promises_namespaceObject.writeFile)(external_node_path_namespaceObject.join(workDirectory, FAILOVER_PREVIEW_FILE), `${JSON.stringify(preview, null, 2)}\n`);
    const deferred = new Map(preview.instances.filter((entry) => entry.state === 'deferred').map((entry) => [entry.id, entry]));
    if (!complete || deferred.size === 0)
        return { run, notes: [], deferred: new Map() };
    const reason = (waitsOn) => `planned during the ${move.mode}, once ${waitsOn.join(', ')} (which it creates) is applied; with no mock_outputs it cannot be previewed before, and the ${move.mode} applies its plan only if it destroys and replaces nothing`;
    return {
        run: {
            ...run,
            status: 'succeeded',
            instances: run.instances.map((instance) => {
                const entry = deferred.get(instance.id);
                return entry ? { ...instance, reason: reason(entry.waitsOn) } : instance;
            }),
        },
        notes: [...deferred.values()].map((entry) => `${entry.id}: ${reason(entry.waitsOn)}`),
        deferred: new Map([...deferred.values()].map((entry) => [entry.id, entry.waitsOn])),
    };
}
/** Reads the preview of a dry run from its plan directory; refuses one that is missing or of another move. */
async function readPreview(planDirectory, move) {
    const file = external_node_path_namespaceObject.join(planDirectory, FAILOVER_PREVIEW_FILE);
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch {
        throw new UsageError((name) => `${name('plan-dir')}: no ${FAILOVER_PREVIEW_FILE} in ${planDirectory}: the ${move.mode} applies what a dry run previewed; run '${previewCommand(move)}' with that folder as its work directory, review it, then apply`);
    }
    const preview = parseFailoverPreview(text);
    if (typeof preview === 'string') {
        throw new UsageError((name) => `${name('plan-dir')}: ${file} is ${preview}`);
    }
    if (preview.mode !== move.mode || preview.from !== move.from || preview.to !== move.to) {
        throw new UsageError((name) => `${name('plan-dir')}: the preview in ${planDirectory} is of the ${preview.mode} ${preview.from} → ${preview.to}, not of this ${move.mode} ${move.from} → ${move.to}; preview this one with '${previewCommand(move)}'`);
    }
    return preview;
}
/**
 * The check of a fresh plan against the preview, for instances whose saved plan cannot be applied as saved:
 * a plan that destroys, replaces or forgets something the preview did not show stops that instance (and so
 * its dependents), with what the preview showed, what the plan does and the command that previews again.
 */
function checkAgainstPreview(preview, move) {
    const entries = new Map(preview.instances.map((entry) => [entry.id, entry]));
    const again = `preview the ${move.mode} again with '${previewCommand(move)}', review it, and apply that`;
    return (instance, fresh, why) => {
        const entry = entries.get(instance.id);
        if (entry === undefined) {
            return {
                accepted: false,
                reason: `${instance.id} is not in the approved preview of this ${move.mode}: nothing of it was reviewed; ${again}`,
            };
        }
        const comparison = compareToPreview(entry, fresh);
        // An instance the preview deferred shows no change there: its plan was not made yet.
        const deferred = entry.state === 'deferred';
        const unshown = deferred ? 'not previewed' : undefined;
        const previewed = deferred
            ? `; the preview deferred it until ${entry.waitsOn.join(', ')} was applied`
            : '';
        if (!comparison.ok) {
            return {
                accepted: false,
                reason: `${why}${previewed}, and its fresh plan does what the approved preview did not show:\n${describeDifferences(comparison.unexpected, unshown)}\nNothing of ${instance.id} was applied, nor of what depends on it; ${again}`,
            };
        }
        const differences = comparison.differences.length === 0
            ? 'the same changes as the preview'
            : `${deferred ? 'only changes' : 'what the preview showed, but for changes'} that destroy nothing:\n${describeDifferences(comparison.differences, unshown)}`;
        return { accepted: true, note: `${why}${previewed}: planned afresh, its plan does ${differences}` };
    };
}

;// CONCATENATED MODULE: ./build/tsc/app/failover.js
























async function failover_prepare(settings, adapters) {
    if (settings.planDirectory !== undefined && settings.dryRun) {
        throw new UsageError((name) => `${name('plan-dir')} applies saved plans: it cannot go with ${name('dry-run')}`);
    }
    const loaded = loadManifest(settings.manifestFile, settings.cwd);
    // A failover goes on past a failed instance: every region it can bring up counts.
    return { loaded, ...(await setUpEngine({ ...settings, failFast: false }, loaded, adapters)) };
}
/**
 * `strata failover`: brings the service up in the target region while the failed region, its state and its
 * lock store are unreachable. Every Terraform command runs against the target region or, for state kept in
 * the failed region, against its replica, read-only. With `dryRun` (the drill) nothing is applied.
 */
async function executeFailover(settings, adapters) {
    if (settings.mode === 'failback')
        return executeFailback(settings, adapters);
    const prepared = await failover_prepare(settings, adapters);
    const { manifest } = prepared.loaded;
    const plan = planFailover(prepared.loaded, {
        to: settings.to,
        from: settings.from,
        force: settings.force,
        accounts: settings.accounts,
        environments: settings.environments,
        layers: settings.layers,
    });
    if (settings.holdDeploys) {
        await holdDeploys(recordContext(prepared), { mode: 'failover', from: plan.from, to: plan.to });
    }
    const recoveryPoints = new Map();
    const move = { mode: 'failover', from: plan.from, to: plan.to };
    const engineRun = await runEngine({
        ...prepared.base,
        command: settings.dryRun ? 'plan' : 'apply',
        manifest: withPrimary(manifest, plan.to),
        graph: plan.graph,
        dag: plan.dag,
        contextOf: () => plan.context,
        readBackendOf: (id) => plan.replicaBackends.get(id),
        onOutputs: (id, values) => {
            if (RECOVERY_POINT_OUTPUT in values)
                recoveryPoints.set(id, values[RECOVERY_POINT_OUTPUT]);
        },
        ...(await reviewedApply(prepared, move)),
    });
    const { run, notes, deferred } = settings.dryRun
        ? await recordPreview(engineRun, move, prepared.workDirectory)
        : { run: engineRun, notes: [], deferred: new Map() };
    const replicated = new Set(plan.replicaBackends.keys());
    const drill = settings.dryRun
        ? await drillFindings(settings, prepared, plan, run, recoveryPoints, deferred)
        : undefined;
    run.failover = {
        mode: 'failover',
        from: plan.from,
        to: plan.to,
        dryRun: settings.dryRun,
        recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
        estimatedRecoverySeconds: drill?.findings.estimate.seconds ?? null,
        readiness: drill?.readiness ?? drillReadiness(run.instances, plan.graph, replicated, []),
        notes: [...plan.notes, ...notes],
        ...(drill ? { drill: drill.findings } : {}),
    };
    // A drill that is not ready fails, though every plan may have succeeded (a stale replica, an old backup).
    if (drill && !drill.findings.ready)
        run.status = 'failed';
    if (!settings.dryRun && run.status === 'succeeded') {
        await writeFailoverRecord(recordContext(prepared), plan.to, {
            from: plan.from,
            to: plan.to,
            at: run.finishedAt ?? new Date().toISOString(),
        });
        if (settings.writeManifest)
            await writePrimary(settings, plan.to);
    }
    return run;
}
/**
 * `strata failback --to REGION`: REGION is back. First bring REGION's layers up as primary; only then demote
 * the current primary to its steady state (destroying the environment copies that backup_restore does not
 * keep, re-applying the rest as secondary), so the service stays up throughout. Clears the failover record.
 */
async function executeFailback(settings, adapters) {
    const prepared = await failover_prepare(settings, adapters);
    const { manifest } = prepared.loaded;
    const current = primaryRegionOf(manifest);
    if (!manifest.regions.some((region) => region.name === settings.to)) {
        throw new UsageError((name) => `${name('to')}: unknown region '${settings.to}'; the manifest has ${manifest.regions.map((r) => r.name).join(', ')}`);
    }
    const demoted = settings.from ?? current;
    if (settings.to === demoted) {
        if (!settings.force) {
            throw new UsageError((name) => `The manifest already names ${settings.to} as primary: give ${name('from')} the region that took over during the failover, or use ${name('force')}`);
        }
    }
    if (settings.holdDeploys) {
        await holdDeploys(recordContext(prepared), { mode: 'failback', from: demoted, to: settings.to });
    }
    const after = withPrimary(manifest, settings.to);
    const graph = expandManifest({ manifest: after, locations: prepared.loaded.locations });
    const filter = {
        accounts: settings.accounts,
        environments: settings.environments,
        layers: settings.layers,
    };
    // Global and account instances are outside any region; `inRegion` only ever asks about the others.
    const roleAfter = steadyStateRoles(after);
    const isKept = (instance) => roleAfter(instance) !== null;
    const inRegion = (region, keep) => new Set(graph.instances.filter((instance) => instance.region === region && keep(instance)).map((i) => i.id));
    const promote = selectInstances(graph, {
        ...filter,
        within: inRegion(settings.to, isKept),
    });
    const retire = selectInstances(graph, {
        ...filter,
        within: inRegion(demoted, (i) => !isKept(i)),
    });
    const keep = selectInstances(graph, {
        ...filter,
        within: inRegion(demoted, isKept),
    });
    const contextOf = steadyStateContext(after);
    const move = { mode: 'failback', from: demoted, to: settings.to };
    const reviewed = await reviewedApply(prepared, move);
    // A dry run plans each stage as it would run (the retired copies with destroy plans), so that applying its
    // saved plans later does exactly what was reviewed.
    const stages = [
        ['apply', promote],
        ['destroy', reverseDag(retire)],
        ['apply', keep],
    ];
    const runs = [];
    for (const [stageCommand, dag] of stages) {
        if (dag.ids.length === 0)
            continue;
        const run = await runEngine({
            ...prepared.base,
            command: stageCommand,
            planOnly: settings.dryRun,
            manifest: after,
            graph,
            dag,
            contextOf,
            ...reviewed,
        });
        runs.push(run);
        if (run.status !== 'succeeded')
            break;
    }
    if (runs.length === 0)
        throw new UsageError(`Nothing to fail back to ${settings.to} with this selection`);
    const merged = mergeResults(runs);
    const { run, notes } = settings.dryRun
        ? await recordPreview(merged, move, prepared.workDirectory)
        : { run: merged, notes: [] };
    // A dry run planned every stage, its destroys too: its result says so, whatever the stages' commands.
    if (settings.dryRun)
        run.command = 'plan';
    run.failover = {
        mode: 'failback',
        from: demoted,
        to: settings.to,
        dryRun: settings.dryRun,
        recoverySeconds: settings.dryRun ? null : recoverySeconds(run),
        estimatedRecoverySeconds: null,
        readiness: [],
        notes,
    };
    if (!settings.dryRun && run.status === 'succeeded') {
        await writeFailoverRecord(recordContext(prepared), demoted, null);
        // The failback's own hold, when it wrote one.
        if (settings.to !== demoted)
            await writeFailoverRecord(recordContext(prepared), settings.to, null);
        if (settings.writeManifest)
            await writePrimary(settings, settings.to);
    }
    return run;
}
/**
 * Applying saved plans (`planDirectory`) of a move: each saved plan whose inputs are unchanged is applied as
 * saved; any other is planned afresh and applied when it destroys and replaces nothing the approved preview
 * did not show. Messages name the move's own dry run, never `strata plan`.
 */
async function reviewedApply(prepared, move) {
    const planDirectory = prepared.base.planDirectory;
    if (planDirectory === undefined)
        return {};
    const preview = await readPreview(planDirectory, move);
    return { freshPlanCheck: checkAgainstPreview(preview, move) };
}
function recordContext(prepared) {
    return {
        manifest: prepared.loaded.manifest,
        manifestDirectory: prepared.loaded.directory,
        terraform: prepared.terraform,
        logDirectory: prepared.workDirectory,
    };
}
/** Writes the new roles into the manifest file, editing only the role values (comments and layout stay). */
async function writePrimary(settings, primary) {
    const file = external_node_path_namespaceObject.resolve(settings.cwd, settings.manifestFile);
    await (0,promises_namespaceObject.writeFile)(file, setPrimaryRegion(await (0,promises_namespaceObject.readFile)(file, 'utf8'), primary));
}
/**
 * What a drill finds besides its plans: every replicated state compared with the primary's (the primary is up
 * in a drill), the published recovery points against `dr.rpo`, the recovery time from the last failover.
 */
async function drillFindings(settings, prepared, plan, run, recoveryPoints, deferred) {
    const { manifest } = prepared.loaded;
    // Empty without backend.replicas: planFailover refuses a failover that would need one.
    const replicaRegion = manifest.backend.replicas[plan.from] ?? plan.to;
    const checked = settings.checkReplicas !== false;
    const replicas = !checked
        ? []
        : await checkReplicas({
            graph: plan.graph,
            manifestDirectory: prepared.loaded.directory,
            terraform: prepared.terraform,
            workDirectory: prepared.workDirectory,
            signal: prepared.base.signal,
            timeoutMs: prepared.base.commandTimeoutMs,
        }, plan.replicaBackends, { primary: plan.from, replica: replicaRegion });
    const readiness = drillReadiness(run.instances, plan.graph, new Set(plan.replicaBackends.keys()), replicas, deferred);
    const now = prepared.base.now ?? (() => new Date());
    const recoveryPoint = checkRecoveryPoints(recoveryPoints, manifest.recoveryPointObjective, now());
    const history = settings.history
        ? await readHistory(external_node_path_namespaceObject.resolve(settings.cwd, settings.history))
        : undefined;
    const ready = readiness.every(isReady) &&
        replicas.every((check) => check.status === 'fresh') &&
        recoveryPoint.problem === null &&
        recoveryPoint.checks.every((check) => check.problem === null);
    return {
        readiness,
        findings: {
            ready,
            replicasChecked: checked,
            replicas,
            recoveryPoint,
            estimate: estimateRecovery(plan.dag, run, history),
        },
    };
}
/** The last failover's result file (`history`), whose durations estimate a drill's recovery time. */
async function readHistory(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new UsageError((name) => `${name('history')}: cannot read '${file}': ${error.message}`);
    }
    return parseResultText(text, file);
}

;// CONCATENATED MODULE: ./build/tsc/core/render/deploy-hold-text.js
/** What releasing a deploy hold did, in one line for the terminal and the job summary. */
function describeRelease(region, released) {
    if (released === null)
        return `${region} held no pending failover: nothing to release.`;
    return `Released the hold of the ${released.mode ?? 'failover'} from ${released.from} to ${released.to} (held since ${released.at}): normal applies run again.`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/failover-report.js




const yesNo = (value) => (value === null ? '—' : value ? 'yes' : 'NO');
/** A value as one Markdown table cell: no line breaks, pipes escaped. */
const cell = (text) => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
/**
 * The failover section of a report, in Markdown (readable as plain text too): outcome and recovery time, the
 * readiness of each instance for a drill with the reason for every 'no', what plans on mocks leave unproven,
 * the replicas and the recovery point, notes, the timeline as a table and as a Mermaid Gantt chart.
 */
function renderFailoverReport(run) {
    const failover = run.failover;
    if (!failover)
        return '';
    const kind = failover.dryRun ? `${failover.mode} drill` : failover.mode;
    const lines = [
        `## ${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${failover.from} → ${failover.to}: ${run.status}`,
        '',
    ];
    if (failover.recoverySeconds !== null)
        lines.push(`Recovery time (first command to last success): **${failover.recoverySeconds} s**`, '');
    if (failover.estimatedRecoverySeconds !== null) {
        lines.push(`Estimated recovery time (critical path): **${failover.estimatedRecoverySeconds} s**`, '');
        if (failover.drill) {
            const { estimate } = failover.drill;
            lines.push(`Based on ${estimate.basis}. Not counted: ${estimate.leavesOut.join('; ')}.`, '');
        }
    }
    if (failover.dryRun && failover.readiness.length > 0)
        lines.push(...readinessSection(failover));
    if (failover.drill)
        lines.push(...replicaSection(failover.drill), ...recoveryPointSection(failover.drill));
    for (const note of failover.notes)
        lines.push(`- ${note}`);
    if (failover.notes.length > 0)
        lines.push('');
    lines.push('### Timeline', '', renderTimelineTable(run), '```mermaid', renderGantt(run, `${kind} ${failover.from} to ${failover.to}`).trimEnd(), '```', '');
    return lines.join('\n');
}
function readinessSection(failover) {
    const entries = failover.readiness;
    const ready = failover.drill?.ready ?? entries.every(isReady);
    const mocked = entries.filter((entry) => entry.mockedUpstreams.length > 0);
    const deferred = entries.filter((entry) => entry.deferredUntil.length > 0);
    const lines = [];
    if (!ready) {
        const notReady = entries.filter((entry) => !isReady(entry)).length;
        const problems = failover.drill ? drillProblems(failover.drill) : [];
        const instances = notReady > 0
            ? `${notReady} of ${entries.length} instances are not (the reason is beside each NO)`
            : 'every instance planned';
        lines.push(`**Not ready**: ${instances}${problems.length > 0 ? `${notReady > 0 ? ';' : ', but'} ${problems.join('; ')}` : ''}.`, '');
    }
    else if (mocked.length === 0 && deferred.length === 0) {
        lines.push('Ready: every instance planned against live state.', '');
    }
    if (ready && mocked.length > 0) {
        lines.push(`Ready as far as plans on mocks show: ${mocked.length} of ${entries.length} instances were planned on the mock outputs of upstreams not applied in ${failover.to} yet: ${mocked.map((entry) => `${entry.id} (mocks of ${entry.mockedUpstreams.join(', ')})`).join(', ')}.`, '', `Unproven for those: that the upstreams' real outputs, once the failover applies them, are accepted by their code, and what they will change with them. The failover plans them again against the real outputs.`, '');
    }
    if (ready && deferred.length > 0) {
        lines.push(`Ready as far as the failover can preview: ${deferred.length} of ${entries.length} instances cannot be planned before the failover applies the upstreams it creates (no mock_outputs): ${deferred.map((entry) => `${entry.id} (after ${entry.deferredUntil.join(', ')})`).join(', ')}.`, '', `Unproven for those: everything their plan would show. The failover plans each once its upstreams are applied and applies it only if it destroys and replaces nothing; mock_outputs on those dependencies would let the drill plan them now.`, '');
    }
    lines.push('| instance | backend reachable | replica reachable | replica fresh | plan succeeded | would change | why not ready |', '|---|---|---|---|---|---|---|');
    for (const entry of entries)
        lines.push(readinessRow(entry));
    lines.push('');
    return lines;
}
/** What fails a drill beyond the rows of its table. */
function drillProblems(drill) {
    const problems = [];
    if (drill.recoveryPoint.problem)
        problems.push(drill.recoveryPoint.problem);
    const old = drill.recoveryPoint.checks.filter((check) => check.problem !== null).length;
    if (old > 0)
        problems.push(`${old} recovery point${old > 1 ? 's do' : ' does'} not meet dr.rpo (see Recovery point)`);
    const replicas = drill.replicas.filter((check) => check.status !== 'fresh').length;
    if (replicas > 0)
        problems.push(`${replicas} replica${replicas > 1 ? 's are' : ' is'} not fresh (see Replicas)`);
    return problems;
}
function readinessRow(entry) {
    const mocks = entry.mockedUpstreams.length > 0 ? ` (on mocks of ${entry.mockedUpstreams.join(', ')})` : '';
    const planned = entry.deferredUntil.length > 0
        ? `deferred until ${entry.deferredUntil.join(', ')} is applied`
        : `${yesNo(entry.planSucceeded)}${mocks}`;
    return `| ${entry.id} | ${yesNo(entry.backendReachable)} | ${yesNo(entry.replicaReachable)} | ${yesNo(entry.replicaFresh)} | ${planned} | ${formatChanges(entry.changes)} | ${cell(entry.reason ?? '')} |`;
}
function replicaSection(drill) {
    if (!drill.replicasChecked) {
        return [
            'Replica freshness was not checked (the check was turned off): the replicas were read, not compared with the primary.',
            '',
        ];
    }
    if (drill.replicas.length === 0)
        return [];
    const lines = [
        '### Replicas of failed-region state',
        '',
        '| state | replica | fresh | found |',
        '|---|---|---|---|',
    ];
    for (const check of drill.replicas) {
        lines.push(`| ${check.id} | ${check.primaryRegion} → ${check.replicaRegion} | ${check.status === 'fresh' ? 'yes' : `NO (${check.status})`} | ${cell(check.detail)} |`);
    }
    lines.push('');
    return lines;
}
function recoveryPointSection(drill) {
    const report = drill.recoveryPoint;
    if (report.rpo === null && report.checks.length === 0)
        return [];
    const lines = [
        '### Recovery point',
        '',
        report.rpo === null
            ? 'No recovery point objective (dr.rpo) is set: the recovery points are shown, not checked.'
            : `Objective (dr.rpo): data no older than **${report.rpo}** at the time of a failover.`,
        '',
    ];
    if (report.problem)
        lines.push(`**Not met**: ${report.problem}.`, '');
    if (report.checks.length > 0) {
        lines.push('| published by | latest recovery point | age | within dr.rpo |', '|---|---|---|---|');
        for (const check of report.checks) {
            const age = check.ageSeconds === null ? '—' : recovery_point_formatAge(check.ageSeconds * 1000);
            const within = check.problem ? `NO: ${cell(check.problem)}` : yesNo(check.withinRpo);
            lines.push(`| ${check.id} | ${cell(check.value)} | ${age} | ${within} |`);
        }
        lines.push('');
    }
    return lines;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./build/tsc/cli/run-options.js


/**
 * The flags of every command that runs Terraform over the estate (`strata plan|apply|destroy` and
 * `strata failover|failback`), in node:util parseArgs form: one definition, so the commands cannot drift
 * apart in a name or a default. Each command adds its own flags beside these.
 */
const RUN_OPTIONS = {
    manifest: { type: 'string', default: 'layers.yml' },
    parallelism: { type: 'string' },
    'work-dir': { type: 'string', default: '.strata' },
    'json-out': { type: 'string' },
    'terraform-binary': { type: 'string' },
    'plan-dir': { type: 'string' },
    help: { type: 'boolean' },
};
/** Parses a run command's argv: RUN_OPTIONS and the command's own `options`; no positionals, no unknown flags. */
function parseRunFlags(argv, options) {
    return (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        options: { ...RUN_OPTIONS, ...options },
        allowPositionals: false,
        strict: true,
    }).values;
}
/** The settings every run use case shares, from RUN_OPTIONS' values and the process the CLI runs in. */
function runSettingsFromFlags(values, process) {
    return {
        manifestFile: values.manifest,
        parallelism: parseParallelism(values.parallelism),
        workDirectory: values['work-dir'],
        terraformBinary: values['terraform-binary'],
        planDirectory: values['plan-dir'],
        cwd: process.cwd,
        env: process.env,
    };
}
function parseParallelism(value) {
    if (value === undefined)
        return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) {
        throw new UsageError(`--parallelism must be a whole number ≥ 1, got '${value}'`);
    }
    return parsed;
}

;// CONCATENATED MODULE: ./build/tsc/cli/selection-options.js


const SELECTION_OPTIONS = {
    account: { type: 'string', multiple: true },
    region: { type: 'string', multiple: true },
    environment: { type: 'string', multiple: true },
    layer: { type: 'string', multiple: true },
    instance: { type: 'string', multiple: true },
    'changed-files': { type: 'string' },
};
const SELECTION_HELP = `Selection (each may repeat or take a comma-separated list):
  --account A        only instances of these accounts
  --region R         only instances in these regions (leaves out global and account instances)
  --environment E    only instances of these environments
  --layer L          only instances of these layers
  --instance ID      exactly these instance ids (as 'strata graph' prints them)
  --changed-files F  only instances affected by the files listed in F (one path per line, relative to
                     the current directory), plus everything that depends on them`;
function splitList(values) {
    return values
        ?.flatMap((value) => value.split(/[,\n]/))
        .map((value) => value.trim())
        .filter((value) => value !== '');
}
/** Turns selection flags into settings; the changed-files list is read here. */
function selectionFromFlags(values) {
    const settings = {
        filter: {
            accounts: splitList(values.account),
            regions: splitList(values.region),
            environments: splitList(values.environment),
            layers: splitList(values.layer),
            instances: splitList(values.instance),
        },
    };
    const listFile = values['changed-files'];
    if (listFile !== undefined) {
        try {
            settings.changedFiles = (0,external_node_fs_namespaceObject.readFileSync)(listFile, 'utf8')
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line !== '');
        }
        catch (error) {
            throw new UsageError(`--changed-files: cannot read '${listFile}': ${error.message}`);
        }
    }
    return settings;
}

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./build/tsc/adapters/log-lines.js



/** The lines of a log file, streamed (a plan log can be tens of megabytes); none when it was never written. */
async function* logLines(file) {
    try {
        await (0,promises_namespaceObject.access)(file);
    }
    catch {
        return;
    }
    yield* (0,external_node_readline_namespaceObject.createInterface)({ input: (0,external_node_fs_namespaceObject.createReadStream)(file), crlfDelay: Infinity });
}

;// CONCATENATED MODULE: ./build/tsc/cli/terraform-command.js











const DESCRIPTIONS = {
    plan: 'Plans every selected instance in dependency order and reports what would change. Changes nothing.',
    apply: "Plans and applies every selected instance in dependency order, each applying exactly its own saved plan. With --plan-dir, applies the plans an earlier 'strata plan' saved instead, refusing any that no longer apply cleanly.",
    destroy: 'Destroys every selected instance, dependents first (reverse dependency order).',
};
function terraformCommandHelp(command) {
    return `Usage: strata ${command} [options]

${DESCRIPTIONS[command]}

Options:
  --manifest FILE          the manifest (default: layers.yml)
  --parallelism N          instances run at once (default: the manifest's terraform.parallelism)
  --fail-fast              start nothing new after the first failure
  --work-dir DIR           where Strata keeps Terraform data, plans and logs (default: .strata)
  --json-out FILE          write the result model as JSON, updated after every state change
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the
                           manifest's terraform.binary)
  --resume FILE            run again only what did not succeed in the run that wrote FILE (its --json-out),
                           plus everything that depends on it; keep its successes
  --ephemeral-environment NAME
                           add a per-pull-request environment (e.g. pr-123) to the accounts marked
                           'ephemeral: true', in their primary region, and select only it
${command === 'plan' ? '' : '  --ignore-failover-record REGION[,REGION]\n                           go ahead although the failover record of REGION cannot be read (its region\n                           down, or access denied): only when you know no failover to REGION is pending or\n                           in effect; the result records it\n'}${command === 'apply' ? '  --plan-dir DIR           apply the plans saved in DIR (the --work-dir of an earlier plan run)\n' : ''}  --help                   show this help

${SELECTION_HELP}

Exit codes: 0 success, 1 an instance failed or was skipped${command === 'plan' ? '' : ', or the run was refused because a\nfailover record could not be read'}, 2 bad input (or a failover pending or in effect), 130 interrupted (SIGINT).
`;
}
async function terraformCommand(command, argv, output, process) {
    const values = parseRunFlags(argv, {
        'fail-fast': { type: 'boolean', default: false },
        'ephemeral-environment': { type: 'string' },
        resume: { type: 'string' },
        'ignore-failover-record': { type: 'string', multiple: true },
        ...SELECTION_OPTIONS,
    });
    if (values.help) {
        output.out(terraformCommandHelp(command));
        return 0;
    }
    const session = createCliSession(output, values['json-out']);
    const { run } = await executeRun({
        ...runSettingsFromFlags(values, process),
        command,
        selection: selectionFromFlags(values),
        failFast: values['fail-fast'],
        ephemeralEnvironment: values['ephemeral-environment'],
        resume: values.resume === undefined ? undefined : await readResult(values.resume),
        ignoreFailoverRecord: (values['ignore-failover-record'] ?? []).flatMap((value) => value
            .split(',')
            .map((region) => region.trim())
            .filter((region) => region !== '')),
    }, session.adapters(process.signal));
    session.finish(run);
    output.out(`\n${session.redactor.redact(runTable(run))}`);
    return exitCode(run, process);
}
/** 0 when everything succeeded, 1 when not, 130 or 143 when interrupted by SIGINT or SIGTERM. */
function exitCode(run, process) {
    const interrupted = process.interruptedBy();
    if (interrupted === 'SIGINT')
        return 130;
    if (interrupted === 'SIGTERM')
        return 143;
    return run.status === 'succeeded' ? 0 : 1;
}
/**
 * What a CLI run shows while it goes: a progress line per state change (stderr), each finished instance's
 * Terraform output as one block (stdout), secrets masked; and the result file, rewritten atomically after
 * every state change so a killed run leaves whole JSON behind.
 */
function createCliSession(output, jsonOut) {
    const redactor = createRedactor();
    // Written after every state change, before the change is shown, so the file is never behind what the
    // terminal says; to a temporary file and renamed, so a run killed at any moment leaves whole JSON.
    const writeResult = (run) => {
        if (jsonOut === undefined)
            return;
        (0,external_node_fs_namespaceObject.writeFileSync)(`${jsonOut}.tmp`, `${JSON.stringify(toResultFile(run), null, 2)}\n`);
        (0,external_node_fs_namespaceObject.renameSync)(`${jsonOut}.tmp`, jsonOut);
    };
    const reporter = {
        instanceChanged(instance, run) {
            writeResult(run);
            output.err(`${redactor.redact(progressLine(instance, run))}\n`);
        },
        async instanceOutput(instance, sections) {
            output.out(`\n::: ${instance.id} (${instance.status}) :::\n`);
            for (const section of sections) {
                output.out(`--- ${section.title}\n`);
                for await (const line of logLines(section.logFile))
                    output.out(`${redactor.redact(line)}\n`);
            }
        },
        secrets(values) {
            redactor.add(values);
        },
    };
    return {
        redactor,
        reporter,
        /** What the engine needs from the CLI: the process runner, this session's masking and reporting. */
        adapters: (signal) => ({ runner: createChildProcessRunner(), redactor, reporter, signal }),
        finish(run) {
            writeResult(run);
        },
    };
}
async function readResult(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new UsageError(`--resume: cannot read '${file}': ${error.message}`);
    }
    return parseResultText(text, `--resume: '${file}'`);
}

;// CONCATENATED MODULE: ./build/tsc/cli/failover-command.js









function failoverHelp(mode) {
    const what = mode === 'failover'
        ? `Brings the service up in REGION while the failed region (default: the current primary) is down: plans and
applies every region and environment layer marked 'failover: apply' in REGION, in dependency order, with
role=primary, failover=true and failed_region in their context. No command touches the failed region: state
kept there is read from its replica (backend.replicas), read-only. With --dry-run this is the failover drill.`
        : `REGION is back: brings its layers up as primary first, then returns the current primary to its steady
state (destroying the environment copies backup_restore does not keep, re-applying the rest as secondary), and
clears the failover record.`;
    return `Usage: strata ${mode} --to REGION [options]

${what}

Options:
  --to REGION              the region to ${mode === 'failover' ? 'fail over to' : 'make primary again'} (required)
  --from REGION            ${mode === 'failover' ? 'the failed region (default: the primary in the manifest)' : 'the region to demote (default: the primary in the manifest)'}
  --dry-run                plan only, apply nothing${mode === 'failover' ? ': report readiness and the estimated recovery time' : ''}
  --plan-dir DIR           apply what a --dry-run previewed in DIR (its --work-dir): saved plans whose inputs
                           did not change as saved, the others planned afresh and stopped if they destroy or
                           replace what the preview did not show
  --force                  go ahead although the manifest already names --to as primary
  --write-manifest         after success, write the new roles into the manifest (only the role values change)
  --hold-deploys           first write a pending record into --to's state store: every normal apply and
                           destroy refuses until this ${mode === 'failover' ? '  --history FILE           a previous failover result: its durations estimate the recovery time of a drill\n  --skip-replica-check     a drill compares each replica with the primary it reads; skip that when the\n                           primary is really down (the reviewed plan of a failover)\n' : ''}  --account A, --environment E, --layer L
                           ${mode} only these (lists: repeat or separate with commas)
  --manifest FILE          the manifest (default: layers.yml)
  --parallelism N          instances run at once (default: the manifest's terraform.parallelism)
  --work-dir DIR           where Strata keeps Terraform data, plans and logs (default: .strata)
  --json-out FILE          write the result model, with its failover section, as JSON
  --terraform-binary PATH  the Terraform or OpenTofu binary (default: $STRATA_TERRAFORM, else the manifest's)
  --help                   show this help

Exit codes: 0 success (a drill: ready), 1 failed (a drill: not ready), 2 bad input, 130 interrupted.
`;
}
async function failoverCommand(mode, argv, output, process) {
    const values = parseRunFlags(argv, {
        to: { type: 'string' },
        from: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'write-manifest': { type: 'boolean', default: false },
        history: { type: 'string' },
        'hold-deploys': { type: 'boolean', default: false },
        'release-deploys': { type: 'boolean', default: false },
        'skip-replica-check': { type: 'boolean', default: false },
        account: { type: 'string', multiple: true },
        environment: { type: 'string', multiple: true },
        layer: { type: 'string', multiple: true },
    });
    if (values.help) {
        output.out(failoverHelp(mode));
        return 0;
    }
    if (values.to === undefined)
        throw new UsageError(`--to REGION is required: the region to ${mode} to`);
    if (values.history !== undefined && mode === 'failback')
        throw new UsageError('--history only goes with failover');
    if (values['skip-replica-check'] && (mode === 'failback' || !values['dry-run']))
        throw new UsageError('--skip-replica-check only goes with failover --dry-run');
    if (values['release-deploys']) {
        const released = await releaseDeploys({
            mode,
            to: values.to,
            manifestFile: values.manifest,
            workDirectory: values['work-dir'],
            terraformBinary: values['terraform-binary'],
            cwd: process.cwd,
            env: process.env,
        }, createCliSession(output, undefined).adapters(process.signal));
        output.out(`${describeRelease(values.to, released)}\n`);
        return 0;
    }
    const session = createCliSession(output, values['json-out']);
    const run = await executeFailover({
        ...runSettingsFromFlags(values, process),
        mode,
        to: values.to,
        from: values.from,
        dryRun: values['dry-run'],
        force: values.force,
        writeManifest: values['write-manifest'],
        history: values.history,
        holdDeploys: values['hold-deploys'],
        checkReplicas: !values['skip-replica-check'],
        accounts: splitList(values.account),
        environments: splitList(values.environment),
        layers: splitList(values.layer),
    }, session.adapters(process.signal));
    session.finish(run);
    output.out(`\n${session.redactor.redact(runTable(run))}\n${session.redactor.redact(renderFailoverReport(run))}`);
    return exitCode(run, process);
}

;// CONCATENATED MODULE: ./build/tsc/core/matrix/compute-matrix.js


/** GitHub runs at most 256 jobs from one matrix. */
const MAX_JOBS_PER_MATRIX = 256;
/**
 * Groups the selected instances into ordered stages for GitHub jobs, so that every dependency points to an
 * earlier stage or stays inside one job. Each wave is a stage; past `maxStages`, the remaining waves share the
 * last stage, where instances joined by a dependency go into one job (the engine orders them there). A stage
 * with more than 256 jobs packs neighbouring jobs (sorted by account, then id) together to stay within
 * GitHub's limit.
 */
function computeMatrix(graph, dag, options) {
    const waves = computeWaves(dag);
    const stages = waves.length <= options.maxStages
        ? waves
        : [...waves.slice(0, options.maxStages - 1), waves.slice(options.maxStages - 1).flat()];
    const limit = options.maxJobsPerStage ?? MAX_JOBS_PER_MATRIX;
    return {
        stage_count: stages.length,
        stages: stages.map((stage) => ({
            include: pack(connectedUnits(stage, dag), limit, graph).map((ids) => jobOf(ids, graph, options.roleToAssume)),
        })),
    };
}
/** Instances of a stage joined by dependencies inside it must run in one job: union-find over those edges. */
function connectedUnits(stage, dag) {
    const parent = new Map(stage.map((id) => [id, id]));
    const find = (id) => {
        let root = id;
        for (let up = lookup_getOrThrow(parent, root, 'instance'); up !== root; up = lookup_getOrThrow(parent, root, 'instance'))
            root = up;
        parent.set(id, root);
        return root;
    };
    for (const id of stage) {
        for (const dependency of dag.dependsOn.get(id) ?? []) {
            if (parent.has(dependency))
                parent.set(find(id), find(dependency));
        }
    }
    const units = new Map();
    for (const id of stage) {
        const root = find(id);
        const unit = units.get(root);
        if (unit)
            unit.push(id);
        else
            units.set(root, [id]);
    }
    return [...units.values()];
}
function pack(units, limit, graph) {
    if (units.length <= limit)
        return units;
    // Every unit has an instance: connectedUnits makes none empty.
    const firstOf = (unit) => lookup_itemAt(unit, 0, 'unit member');
    const accountOf = (unit) => lookup_getOrThrow(graph.byId, firstOf(unit), 'instance').account ?? '';
    const sorted = [...units].sort((a, b) => accountOf(a).localeCompare(accountOf(b)) || firstOf(a).localeCompare(firstOf(b)));
    const size = Math.ceil(sorted.length / limit);
    const jobs = [];
    for (let index = 0; index < sorted.length; index += size)
        jobs.push(sorted.slice(index, index + size).flat());
    return jobs;
}
function jobOf(ids, graph, roleToAssume) {
    const instances = ids.map((id) => lookup_getOrThrow(graph.byId, id, 'instance'));
    const shared = (pick) => {
        const values = new Set(instances.map((instance) => pick(instance) ?? ''));
        const [only] = values;
        return values.size === 1 && only !== undefined ? only : '';
    };
    const first = lookup_itemAt(ids, 0, 'job member');
    const account = shared((instance) => instance.account);
    return {
        job: ids.length === 1 ? first : `${first} +${ids.length - 1}`,
        instances: ids.join(','),
        account,
        account_id: shared((instance) => instance.accountId),
        region: shared((instance) => instance.region),
        environment: shared((instance) => instance.environment),
        layer: shared((instance) => instance.layer),
        role_to_assume: account === '' ? '' : (roleToAssume(account) ?? ''),
    };
}

;// CONCATENATED MODULE: ./build/tsc/app/show-graph.js




function showGraph(settings) {
    const loaded = loadManifest(settings.manifestFile, settings.cwd, {
        ephemeralEnvironment: settings.ephemeralEnvironment,
    });
    const dag = selectFromSettings(loaded, selectionForEnvironment(settings.selection, settings.ephemeralEnvironment), { manifestFile: settings.manifestFile, cwd: settings.cwd });
    const waves = computeWaves(dag);
    if (settings.maxStages === undefined)
        return { loaded, dag, waves };
    const roles = new Map(loaded.manifest.accounts.map((account) => [account.name, account.roleToAssume]));
    const matrix = computeMatrix(loaded.graph, dag, {
        maxStages: settings.maxStages,
        roleToAssume: (account) => roles.get(account) ?? null,
    });
    return { loaded, dag, waves, matrix };
}

;// CONCATENATED MODULE: ./build/tsc/core/render/graph-json.js


/** The machine-readable graph: the selected instances, the edges between them, and the waves. */
function graphToJson(graph, dag, waves) {
    return { nodes: dag.ids.map((id) => nodeJson(graph, dag, id)), waves };
}
function nodeJson(graph, dag, id) {
    return nodeOf(getOrThrow(graph.byId, id, 'instance'), [...(dag.dependsOn.get(id) ?? [])]);
}
function nodeOf(instance, dependsOn) {
    return {
        id: instance.id,
        layer: instance.layer,
        scope: instance.scope,
        account: instance.account,
        accountId: instance.accountId,
        region: instance.region,
        environment: instance.environment,
        role: instance.role,
        path: instance.path,
        dependsOn: dependsOn,
        backend: instance.backend,
    };
}
/**
 * The same JSON as `JSON.stringify(graphToJson(...))`, written in chunks of about `chunkSize` characters: a
 * large estate's graph is tens of megabytes, and building it as one string doubles the peak memory of the
 * CLI (64 KB chunks gave the lowest peak on 100,000 instances). Nodes are stringified a batch at a time, one
 * JSON.stringify call per chunk rather than per node, each batch sized from the length of the ones before.
 */
function writeGraphJson(graph, dag, waves, write, chunkSize = 1 << 16) {
    write('{"nodes":[');
    const { ids } = dag;
    // A Dag selected from this graph knows where its instances sit: no lookup by id.
    const origin = dagIndexOf(dag)?.origin;
    const positions = origin?.graph === graph ? origin.positions : undefined;
    const instanceAt = origin?.graph !== graph
        ? (index) => lookup_getOrThrow(graph.byId, lookup_itemAt(ids, index, 'id'), 'instance')
        : positions
            ? (index) => lookup_itemAt(graph.instances, lookup_itemAt(positions, index, 'position'), 'instance')
            : (index) => lookup_itemAt(graph.instances, index, 'instance');
    let batchSize = 1;
    let written = 0;
    for (let first = 0, end = 0; first < ids.length; first = end) {
        end = Math.min(ids.length, first + batchSize);
        const batch = new Array(end - first);
        for (let index = first; index < end; index++) {
            const instance = instanceAt(index);
            batch[index - first] = nodeOf(instance, dag.dependsOn.get(instance.id) ?? []);
        }
        const text = JSON.stringify(batch);
        if (first > 0)
            write(',');
        write(text.slice(1, -1));
        written += text.length;
        batchSize = Math.max(1, Math.floor((chunkSize * end) / written));
    }
    write('],"waves":[');
    for (let index = 0; index < waves.length; index++) {
        if (index > 0)
            write(',');
        write(JSON.stringify(waves[index]));
    }
    write(']}\n');
}

;// CONCATENATED MODULE: ./build/tsc/core/render/graph-mermaid.js

/** Mermaid's label text may not contain quotes or markup; ids are safe names joined by '/'. */
function label(text) {
    return text.replace(/["<>]/g, '');
}
/**
 * A Mermaid flowchart that GitHub renders: instances grouped by account, arrows in the order things run
 * (from a dependency to what depends on it). `classOf` lets reports colour nodes by status.
 */
function renderGraphMermaid(graph, dag, classOf) {
    const names = new Map(dag.ids.map((id, index) => [id, `n${index}`]));
    const nodeName = (id) => lookup_getOrThrow(names, id, 'node');
    const lines = ['flowchart LR'];
    const byAccount = new Map();
    for (const id of dag.ids) {
        const account = lookup_getOrThrow(graph.byId, id, 'instance').account ?? '(global)';
        const list = byAccount.get(account);
        if (list)
            list.push(id);
        else
            byAccount.set(account, [id]);
    }
    byAccount.forEach((ids, account) => {
        lines.push(`  subgraph ${account === '(global)' ? 'global' : `account_${account.replace(/[^A-Za-z0-9_]/g, '_')}`}["${label(account)}"]`);
        for (const id of ids) {
            const instance = lookup_getOrThrow(graph.byId, id, 'instance');
            const place = [instance.region, instance.environment].filter((part) => part !== null).join(' / ');
            lines.push(`    ${nodeName(id)}["${label(instance.layer)}${place ? `<br/>${label(place)}` : ''}"]`);
        }
        lines.push('  end');
    });
    for (const id of dag.ids) {
        for (const dependency of dag.dependsOn.get(id) ?? [])
            lines.push(`  ${nodeName(dependency)} --> ${nodeName(id)}`);
    }
    if (classOf) {
        for (const id of dag.ids) {
            const name = classOf(id);
            if (name)
                lines.push(`  class ${nodeName(id)} ${name}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./build/tsc/core/render/graph-text.js

/** The graph for people: one block per wave, each instance with its scope, code path and what it waits for. */
function renderGraphText(graph, dag, waves, manifestFile) {
    const width = Math.min(60, Math.max(0, ...dag.ids.map((id) => id.length)));
    const lines = [
        `${manifestFile}: ${dag.ids.length} instance${dag.ids.length === 1 ? '' : 's'} in ${waves.length} wave${waves.length === 1 ? '' : 's'}` +
            (dag.ids.length < graph.instances.length
                ? `; ${graph.instances.length - dag.ids.length} more left out by the selection or, until a failover, by the DR strategy`
                : ''),
    ];
    waves.forEach((wave, index) => {
        lines.push('', `wave ${index + 1}`);
        for (const id of wave) {
            const instance = lookup_getOrThrow(graph.byId, id, 'instance');
            const dependencies = dag.dependsOn.get(id) ?? [];
            const after = dependencies.length > 0 ? `  after ${dependencies.join(', ')}` : '';
            lines.push(`  ${id.padEnd(width)}  ${instance.scope.padEnd(11)}  ${instance.path}${after}`);
        }
    });
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./build/tsc/cli/graph-command.js







const GRAPH_HELP = `Usage: strata graph [options]

Reads the manifest, expands it into layer instances and prints them in dependency order. Runs no Terraform.

Options:
  --manifest FILE    the manifest (default: layers.yml)
  --format F         text (default, for people), json (nodes, edges and waves) or mermaid (a flowchart)
  --help             show this help

${SELECTION_HELP}
`;
const FORMATS = ['text', 'json', 'mermaid'];
function graphCommand(argv, output, cwd) {
    const { values } = (0,external_node_util_namespaceObject.parseArgs)({
        args: argv,
        options: {
            manifest: { type: 'string', default: 'layers.yml' },
            format: { type: 'string', default: 'text' },
            help: { type: 'boolean' },
            ...SELECTION_OPTIONS,
        },
        allowPositionals: false,
        strict: true,
    });
    if (values.help) {
        output.out(GRAPH_HELP);
        return 0;
    }
    const format = values.format;
    if (!FORMATS.includes(format)) {
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
    }
    const { loaded, dag, waves } = showGraph({
        manifestFile: values.manifest,
        cwd,
        selection: selectionFromFlags(values),
    });
    if (format === 'json') {
        writeGraphJson(loaded.graph, dag, waves, (chunk) => {
            output.out(chunk);
        });
    }
    else if (format === 'mermaid')
        output.out(renderGraphMermaid(loaded.graph, dag));
    else
        output.out(renderGraphText(loaded.graph, dag, waves, values.manifest));
    return 0;
}

;// CONCATENATED MODULE: ./build/tsc/cli/run-cli.js




const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;
const USAGE = `Usage: strata <command> [options]

Commands:
  graph      show the layer instances of a manifest in dependency order
  plan       plan every selected instance, in dependency order
  apply      plan and apply every selected instance, in dependency order
  destroy    destroy every selected instance, dependents first
  failover   bring the service up in another region while the primary is down (--dry-run: the drill)
  failback   make the recovered region primary again

Run 'strata <command> --help' for the options of a command.
`;
const run_cli_COMMANDS = {
    graph: (argv, output, process) => graphCommand(argv, output, process.cwd),
    plan: (argv, output, process) => terraformCommand('plan', argv, output, process),
    apply: (argv, output, process) => terraformCommand('apply', argv, output, process),
    destroy: (argv, output, process) => terraformCommand('destroy', argv, output, process),
    failover: (argv, output, process) => failoverCommand('failover', argv, output, process),
    failback: (argv, output, process) => failoverCommand('failback', argv, output, process),
};
/** Runs one CLI invocation and returns its exit code: 0 ok, 1 a failed run, 2 bad input. */
async function runCli(argv, output, process) {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        output.out(USAGE);
        return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
    }
    const command = Object.hasOwn(run_cli_COMMANDS, name) ? run_cli_COMMANDS[name] : undefined;
    if (!command) {
        output.err(`strata: unknown command '${name}'\n\n${USAGE}`);
        return EXIT_BAD_INPUT;
    }
    try {
        return await command(rest, output, process);
    }
    catch (error) {
        if (error instanceof ManifestError) {
            output.err(`${error.message}\n${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in the manifest.\n`);
            return EXIT_BAD_INPUT;
        }
        if (isArgumentError(error)) {
            output.err(`strata ${name}: ${getErrorMessage(error)}\nRun 'strata ${name} --help' for usage.\n`);
            return EXIT_BAD_INPUT;
        }
        if (error instanceof UsageError) {
            output.err(`strata ${name}: ${getErrorMessage(error, flagName)}\n`);
            return EXIT_BAD_INPUT;
        }
        // Refused, not wrong: the run could not establish that it is safe, as a failed instance would.
        if (error instanceof RefusalError) {
            output.err(`strata ${name}: ${getErrorMessage(error, flagName)}\n`);
            return EXIT_FAILED;
        }
        throw error;
    }
}
/** Settings as the terminal names them: flags. */
const flagName = (setting) => `--${setting}`;
/** node:util parseArgs rejects unknown or malformed flags with these codes. */
function isArgumentError(error) {
    const code = error?.code;
    return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}


/***/ }),

/***/ 3837:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$id":"https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#","description":"Meta-schema for $data reference (JSON AnySchema extension proposal)","type":"object","required":["$data"],"properties":{"$data":{"type":"string","anyOf":[{"format":"relative-json-pointer"},{"format":"json-pointer"}]}},"additionalProperties":false}');

/***/ }),

/***/ 2079:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"http://json-schema.org/draft-07/schema#","title":"Core schema meta-schema","definitions":{"schemaArray":{"type":"array","minItems":1,"items":{"$ref":"#"}},"nonNegativeInteger":{"type":"integer","minimum":0},"nonNegativeIntegerDefault0":{"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]},"simpleTypes":{"enum":["array","boolean","integer","null","number","object","string"]},"stringArray":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]}},"type":["object","boolean"],"properties":{"$id":{"type":"string","format":"uri-reference"},"$schema":{"type":"string","format":"uri"},"$ref":{"type":"string","format":"uri-reference"},"$comment":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"default":true,"readOnly":{"type":"boolean","default":false},"examples":{"type":"array","items":true},"multipleOf":{"type":"number","exclusiveMinimum":0},"maximum":{"type":"number"},"exclusiveMaximum":{"type":"number"},"minimum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxLength":{"$ref":"#/definitions/nonNegativeInteger"},"minLength":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"pattern":{"type":"string","format":"regex"},"additionalItems":{"$ref":"#"},"items":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/schemaArray"}],"default":true},"maxItems":{"$ref":"#/definitions/nonNegativeInteger"},"minItems":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"uniqueItems":{"type":"boolean","default":false},"contains":{"$ref":"#"},"maxProperties":{"$ref":"#/definitions/nonNegativeInteger"},"minProperties":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"required":{"$ref":"#/definitions/stringArray"},"additionalProperties":{"$ref":"#"},"definitions":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"properties":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"patternProperties":{"type":"object","additionalProperties":{"$ref":"#"},"propertyNames":{"format":"regex"},"default":{}},"dependencies":{"type":"object","additionalProperties":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]}},"propertyNames":{"$ref":"#"},"const":true,"enum":{"type":"array","items":true,"minItems":1,"uniqueItems":true},"type":{"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"type":"array","items":{"$ref":"#/definitions/simpleTypes"},"minItems":1,"uniqueItems":true}]},"format":{"type":"string"},"contentMediaType":{"type":"string"},"contentEncoding":{"type":"string"},"if":{"$ref":"#"},"then":{"$ref":"#"},"else":{"$ref":"#"},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf":{"$ref":"#/definitions/schemaArray"},"oneOf":{"$ref":"#/definitions/schemaArray"},"not":{"$ref":"#"}},"default":true}');

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(7299);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 


//# sourceMappingURL=cli.js.map
