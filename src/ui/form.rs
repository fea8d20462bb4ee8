//! The form builder: controls for the models, attributes and associations the code
//! defines. Every control emits a [`FormEdit`]; the reducer rewrites the code with it
//! (`crate::form` holds the rules: new names, join tables), and the form is read back
//! from the code, so code and form never disagree.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::form::{
    kind_named, Form, FormAssociation, FormAttribute, FormEdit, FormModel, Place, KINDS, ON_DELETE,
    TYPES,
};
use crate::schema::AssociationType;

#[derive(Properties, Clone, PartialEq)]
pub struct FormProps {
    pub code: String,
    /// In a project, the file shown: the form reads and rewrites that file only.
    #[prop_or_default]
    pub file: Option<String>,
    pub open: bool,
    pub on_toggle: Callback<()>,
    pub on_edit: Callback<FormEdit>,
}

#[function_component(FormPanel)]
pub fn form_panel(props: &FormProps) -> Html {
    let on_toggle = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |_: MouseEvent| on_toggle.emit(()))
    };
    html! {
        <section class="panel" id="form" aria-labelledby="form-title">
            <div class="panel-head">
                <h2 id="form-title">{ "Build with a form" }</h2>
                <button id="form-toggle" aria-expanded={props.open.to_string()} onclick={on_toggle}>
                    { if props.open { "Hide" } else { "Show" } }
                </button>
            </div>
            if props.open {
                if let Some(file) = &props.file {
                    <p class="form-file note" id="form-file">{ format!(
                        "The form reads and rewrites the file shown, {file}: models and associations in other files are not in it."
                    ) }</p>
                }
                <FormBody code={props.code.clone()} on_edit={props.on_edit.clone()} />
            }
        </section>
    }
}

#[derive(Properties, Clone, PartialEq)]
struct BodyProps {
    code: String,
    on_edit: Callback<FormEdit>,
}

#[function_component(FormBody)]
fn form_body(props: &BodyProps) -> Html {
    let read = use_memo(props.code.clone(), |code| Form::read_with_places(code));
    let (form, places) = &*read;
    let variables: Vec<String> = form.models.iter().map(|m| m.variable.clone()).collect();
    let on_add_model = {
        let edit = FormEdit::AddModel(form.new_model());
        props.on_edit.reform(move |_: MouseEvent| edit.clone())
    };
    let on_add_association = form.new_association().map(|association| {
        let edit = FormEdit::AddAssociation(association);
        props.on_edit.reform(move |_: MouseEvent| edit.clone())
    });
    html! {
        <div class="form-body">
            <h3>{ "Models" }</h3>
            { for form.models.iter().zip(&places.models).enumerate().map(|(i, (model, place))| html! {
                <ModelFields index={i} model={model.clone()} place={*place} on_edit={props.on_edit.clone()} />
            }) }
            <button id="add-model" onclick={on_add_model}>{ "+ model" }</button>
            <h3>{ "Associations" }</h3>
            <div class="form-associations">
                { for form.associations.iter().zip(&places.associations).enumerate().map(|(i, (a, place))| html! {
                    <AssociationFields index={i} association={a.clone()} place={*place}
                        variables={variables.clone()} on_edit={props.on_edit.clone()} />
                }) }
            </div>
            if let Some(on_add_association) = on_add_association {
                <button id="add-association" onclick={on_add_association}>{ "+ association" }</button>
            }
        </div>
    }
}

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<HtmlInputElement>().checked()
}

fn selected(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

/// An empty text box means the option is left out.
fn optional(text: String) -> Option<String> {
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

#[derive(Properties, Clone, PartialEq)]
struct ModelProps {
    index: usize,
    model: FormModel,
    place: Place,
    on_edit: Callback<FormEdit>,
}

#[function_component(ModelFields)]
fn model_fields(props: &ModelProps) -> Html {
    let index = props.index;
    // Each control changes a copy of the model and sends it as one edit.
    let change = |update: fn(&mut FormModel, &Event)| {
        let on_edit = props.on_edit.clone();
        let model = props.model.clone();
        Callback::from(move |e: Event| {
            let mut model = model.clone();
            update(&mut model, &e);
            on_edit.emit(FormEdit::SetModel(index, model));
        })
    };
    let attribute_change = |a: usize, update: fn(&mut FormAttribute, &Event)| {
        let on_edit = props.on_edit.clone();
        let model = props.model.clone();
        Callback::from(move |e: Event| {
            let mut model = model.clone();
            update(&mut model.attributes[a], &e);
            on_edit.emit(FormEdit::SetModel(index, model));
        })
    };
    let remove_attribute = |a: usize| {
        let on_edit = props.on_edit.clone();
        let model = props.model.clone();
        Callback::from(move |_: MouseEvent| {
            let mut model = model.clone();
            model.attributes.remove(a);
            on_edit.emit(FormEdit::SetModel(index, model));
        })
    };
    let add_attribute = {
        let edit = FormEdit::SetModel(index, props.model.with_new_attribute());
        props.on_edit.reform(move |_: MouseEvent| edit.clone())
    };
    let remove_model = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(FormEdit::RemoveModel(index)))
    };
    let model = &props.model;
    let label = |what: &str| format!("{what} of {}", model.variable);
    html! {
        <fieldset class="form-model" data-model={model.variable.clone()} disabled={!props.place.editable}>
            <legend><code>{ &model.variable }</code></legend>
            if !props.place.editable {
                <p class="note">{ "This definition uses options the form does not show: edit it in the code." }</p>
            }
            <label>{ "model name " }
                <input class="model-name" value={model.name.clone()} aria-label={label("model name")}
                    onchange={change(|m, e| m.name = input_value(e))} />
            </label>
            <table class="form-attributes">
                <thead><tr><th>{ "attribute" }</th><th>{ "type" }</th><th>{ "required" }</th><th>{ "unique" }</th><th></th></tr></thead>
                <tbody>
                    { for model.attributes.iter().enumerate().map(|(a, attribute)| html! {
                        <tr data-attribute={attribute.name.clone()}>
                            <td><input class="attribute-name" value={attribute.name.clone()} aria-label={label("attribute name")}
                                onchange={attribute_change(a, |x, e| x.name = input_value(e))} /></td>
                            <td><select class="attribute-type" aria-label={label("attribute type")}
                                onchange={attribute_change(a, |x, e| x.data_type = selected(e))}>
                                { for TYPES.iter().map(|t| html! {
                                    <option value={*t} selected={attribute.data_type == *t}>{ *t }</option>
                                }) }
                            </select></td>
                            <td><input type="checkbox" class="attribute-required" checked={!attribute.allow_null}
                                aria-label={label("required (allowNull: false)")}
                                onchange={attribute_change(a, |x, e| x.allow_null = !checked(e))} /></td>
                            <td><input type="checkbox" class="attribute-unique" checked={attribute.unique}
                                aria-label={label("unique")}
                                onchange={attribute_change(a, |x, e| x.unique = checked(e))} /></td>
                            <td><button class="quiet remove-attribute" onclick={remove_attribute(a)}
                                aria-label={label("remove attribute")}>{ "✕" }</button></td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <button class="add-attribute" onclick={add_attribute}>{ "+ attribute" }</button>
            <div class="form-options">
                <label><input type="checkbox" checked={model.timestamps}
                    onchange={change(|m, e| m.timestamps = checked(e))} />{ " timestamps" }</label>
                <label><input type="checkbox" checked={model.paranoid}
                    onchange={change(|m, e| m.paranoid = checked(e))} />{ " paranoid" }</label>
                <label><input type="checkbox" checked={model.underscored}
                    onchange={change(|m, e| m.underscored = checked(e))} />{ " underscored" }</label>
                <button class="quiet remove-model" onclick={remove_model}>{ "Remove model" }</button>
            </div>
        </fieldset>
    }
}

#[derive(Properties, Clone, PartialEq)]
struct AssociationProps {
    index: usize,
    association: FormAssociation,
    place: Place,
    variables: Vec<String>,
    on_edit: Callback<FormEdit>,
}

#[function_component(AssociationFields)]
fn association_fields(props: &AssociationProps) -> Html {
    let index = props.index;
    let change = |update: fn(&mut FormAssociation, &Event)| {
        let on_edit = props.on_edit.clone();
        let association = props.association.clone();
        Callback::from(move |e: Event| {
            let mut association = association.clone();
            update(&mut association, &e);
            on_edit.emit(FormEdit::SetAssociation(index, association));
        })
    };
    let remove = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(FormEdit::RemoveAssociation(index)))
    };
    let a = &props.association;
    let model_select = |current: &str, on_change: Callback<Event>, class: &'static str| {
        html! {
            <select {class} onchange={on_change} aria-label={class.replace('-', " ")}>
                { for props.variables.iter().map(|v| html! {
                    <option value={v.clone()} selected={v == current}>{ v }</option>
                }) }
            </select>
        }
    };
    html! {
        <fieldset class="form-association" data-association={index.to_string()}
            data-call={format!("{}.{}({})", a.source, a.kind.method(), a.target)} disabled={!props.place.editable}>
            if !props.place.editable {
                <p class="note">{ "This association uses options the form does not show: edit it in the code." }</p>
            }
            { model_select(&a.source, change(|x, e| x.source = selected(e)), "association-source") }
            <select class="association-method" aria-label="association type"
                onchange={change(|x, e| x.kind = kind_named(&selected(e)).unwrap_or(x.kind))}>
                { for KINDS.iter().map(|k| html! { <option value={k.method()} selected={a.kind == *k}>{ k.method() }</option> }) }
            </select>
            { model_select(&a.target, change(|x, e| x.target = selected(e)), "association-target") }
            <label>{ "as " }<input class="association-as" value={a.as_name.clone().unwrap_or_default()}
                placeholder="(default)" onchange={change(|x, e| x.as_name = optional(input_value(e)))} /></label>
            <label>{ "foreignKey " }<input class="association-foreign-key" value={a.foreign_key.clone().unwrap_or_default()}
                placeholder="(default)" onchange={change(|x, e| x.foreign_key = optional(input_value(e)))} /></label>
            if a.kind == AssociationType::BelongsToMany {
                <label>{ "through " }<input class="association-through" value={a.through.clone().unwrap_or_default()}
                    onchange={change(|x, e| x.through = optional(input_value(e)))} /></label>
            }
            <label>{ "onDelete " }
                <select class="association-on-delete" onchange={change(|x, e| x.on_delete = optional(selected(e)))}>
                    <option value="" selected={a.on_delete.is_none()}>{ "(default)" }</option>
                    { for ON_DELETE.iter().map(|r| html! {
                        <option value={*r} selected={a.on_delete.as_deref() == Some(*r)}>{ *r }</option>
                    }) }
                </select>
            </label>
            <button class="quiet remove-association" onclick={remove}>{ "✕" }</button>
        </fieldset>
    }
}
